using Spectre.Console.Testing;

namespace SeqAnomaly.Cli.Tests;

/// <summary>Runs the command line in-process against a recording console.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(250);

        var exitCode = await SeqAnomalyApp.RunAsync(args, console);

        return (exitCode, console.Output);
    }
}
