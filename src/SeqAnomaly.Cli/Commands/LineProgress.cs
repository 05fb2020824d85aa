using SeqAnomaly.Cli.Scanning;
using Spectre.Console;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Writes each progress report's message as a grey line, in the order reported.</summary>
internal sealed class LineProgress(IAnsiConsole console) : IProgress<ScanProgress>
{
    public void Report(ScanProgress value) => console.MarkupLineInterpolated($"[grey]{value.Message}[/]");
}
