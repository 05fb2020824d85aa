using SeqAnomaly.Cli.Scanning;
using Spectre.Console;

namespace SeqAnomaly.Cli.Output;

/// <summary>
/// Shows a scan's progress in the form that suits where the output goes. An interactive terminal gets a live
/// Spectre progress display with one task per stage. Redirected output (CI, services, pipes) gets log lines,
/// and a quiet run gets nothing.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it the progress sink for <paramref name="console"/>.</summary>
    /// <param name="console">Where progress goes.</param>
    /// <param name="verbosity">Quiet shows nothing; verbose also logs every epoch.</param>
    /// <param name="interactive">Whether <paramref name="console"/> is a terminal that can redraw a live display.</param>
    /// <param name="work">The scan, reporting to the sink it is given.</param>
    public static async Task<T> RunAsync<T>(
        IAnsiConsole console, Verbosity verbosity, bool interactive, Func<IProgress<ScanProgress>, Task<T>> work)
    {
        if (verbosity == Verbosity.Quiet)
        {
            return await work(new NoProgress());
        }

        if (!interactive)
        {
            return await work(new LineProgress(console, verbosity));
        }

        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var stages = new StageTasks(context, verbosity == Verbosity.Verbose ? console : null);
                var result = await work(stages);
                stages.CompleteAll();
                return result;
            });
    }

    private sealed class NoProgress : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
        }
    }
}
