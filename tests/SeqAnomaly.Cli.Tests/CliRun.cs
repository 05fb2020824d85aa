using SeqAnomaly.Cli.Output;
using Spectre.Console.Testing;

namespace SeqAnomaly.Cli.Tests;

/// <summary>Runs the command line in-process against recording consoles.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(250);

        var exitCode = await SeqAnomalyApp.RunAsync(args, console);

        return (exitCode, console.Output);
    }

    /// <summary>Runs with standard output and standard error recorded apart, and <paramref name="input"/> as standard input.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunSplitAsync(string? input, params string[] args)
    {
        var output = new TestConsole().Width(250);
        var error = new TestConsole().Width(250);
        var streams = new StandardStreams(
            output, error, new StringReader(input ?? string.Empty), InputRedirected: input is not null, OutputRedirected: true);

        var exitCode = await SeqAnomalyApp.RunAsync(args, streams);

        return (exitCode, output.Output, error.Output);
    }
}
