using Spectre.Console;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Writes each progress message as a grey line, in the order reported.</summary>
internal sealed class LineProgress(IAnsiConsole console) : IProgress<string>
{
    public void Report(string value) => console.MarkupLineInterpolated($"[grey]{value}[/]");
}
