using SeqAnomaly.Cli.Scanning;
using Spectre.Console;

namespace SeqAnomaly.Cli.Output;

/// <summary>
/// One Spectre progress task per scan stage. A report completes every earlier stage; a stage whose count reaches
/// its total completes and starts the next, which spins until its own first report.
/// </summary>
internal sealed class StageTasks : IProgress<ScanProgress>
{
    private static readonly ScanStage[] s_stages = Enum.GetValues<ScanStage>();

    private readonly Dictionary<ScanStage, ProgressTask> _tasks = [];
    private readonly HashSet<ScanStage> _completed = [];
    private readonly IAnsiConsole? _log;

    /// <summary>Adds the stage tasks to <paramref name="context"/> and starts the first.</summary>
    /// <param name="context">The live progress display.</param>
    /// <param name="log">When set, every report is also written to it as a line above the display.</param>
    public StageTasks(ProgressContext context, IAnsiConsole? log)
    {
        _log = log;
        foreach (var stage in s_stages)
        {
            _tasks[stage] = context.AddTask(Label(stage, "waiting"), autoStart: false, maxValue: 1);
        }

        Start(s_stages[0]);
    }

    /// <inheritdoc/>
    public void Report(ScanProgress value)
    {
        _log?.MarkupLineInterpolated($"[grey]{value.Message}[/]");
        foreach (var earlier in s_stages.Where(stage => stage < value.Stage))
        {
            Complete(earlier);
        }

        var task = _tasks[value.Stage];
        Start(value.Stage);
        task.Description = Label(value.Stage, value.Message);
        if (value.Total is { } total and > 0)
        {
            task.IsIndeterminate = false;
            task.MaxValue = total;
            task.Value = Math.Min(value.Done, total);
            if (value.Done >= total)
            {
                Complete(value.Stage);
                var next = Array.IndexOf(s_stages, value.Stage) + 1;
                if (next < s_stages.Length)
                {
                    Start(s_stages[next]);
                }
            }
        }
    }

    /// <summary>Completes every stage, for when the scan has returned.</summary>
    public void CompleteAll()
    {
        foreach (var stage in s_stages)
        {
            Complete(stage);
        }
    }

    private void Start(ScanStage stage)
    {
        var task = _tasks[stage];
        if (!task.IsStarted)
        {
            task.IsIndeterminate = true;
            task.Description = Label(stage, "running");
            task.StartTask();
        }
    }

    private void Complete(ScanStage stage)
    {
        // ProgressTask.IsFinished is already true once Value reaches MaxValue, before StopTask has stopped its clock.
        if (!_completed.Add(stage))
        {
            return;
        }

        var task = _tasks[stage];
        if (!task.IsStarted)
        {
            task.StartTask();
        }

        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }

    private static string Label(ScanStage stage, string message) =>
        $"[bold]{stage,-8}[/] [grey]{Markup.Escape(message)}[/]";
}
