using SeqAnomaly.Cli.Scanning;
using Spectre.Console;

namespace SeqAnomaly.Cli.Output;

/// <summary>
/// Writes progress reports as plain lines, in the order reported, for output that is not an interactive terminal.
/// At normal verbosity it writes the first and last training epoch and about every tenth; verbose writes all.
/// </summary>
internal sealed class LineProgress(IAnsiConsole console, Verbosity verbosity) : IProgress<ScanProgress>
{
    /// <inheritdoc/>
    public void Report(ScanProgress value)
    {
        if (verbosity == Verbosity.Quiet || (verbosity == Verbosity.Normal && !IsMilestone(value)))
        {
            return;
        }

        console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss} {value.Message}[/]");
    }

    private static bool IsMilestone(ScanProgress value)
    {
        if (value.Stage != ScanStage.Training || value.Total is not { } total || total <= 10)
        {
            return true;
        }

        var step = (long)Math.Ceiling(total / 10.0);
        return value.Done == 1 || value.Done == total || value.Done % step == 0;
    }
}
