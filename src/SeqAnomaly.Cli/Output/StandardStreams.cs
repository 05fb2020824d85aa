using Spectre.Console;

namespace SeqAnomaly.Cli.Output;

/// <summary>
/// The process's standard streams as the commands use them: results on <see cref="Out"/>, progress and errors of
/// <c>--json</c> runs on <see cref="Error"/>, and values to score on <see cref="In"/>.
/// </summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="In">Standard input.</param>
/// <param name="InputRedirected">Whether standard input is a file or pipe rather than the terminal.</param>
/// <param name="OutputRedirected">Whether standard output is a file or pipe rather than the terminal.</param>
public sealed record StandardStreams(
    IAnsiConsole Out, IAnsiConsole Error, TextReader In, bool InputRedirected, bool OutputRedirected)
{
    /// <summary>Whether live progress displays can be drawn: an interactive terminal that is not redirected.</summary>
    public bool Interactive =>
        Out.Profile.Capabilities.Interactive && Out.Profile.Capabilities.Ansi && !OutputRedirected;

    /// <summary>The streams of this process.</summary>
    public static StandardStreams FromConsole() => new(
        AnsiConsole.Console,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Console.In,
        Console.IsInputRedirected,
        Console.IsOutputRedirected);
}
