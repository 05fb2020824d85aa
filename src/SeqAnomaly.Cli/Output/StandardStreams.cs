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

    /// <summary>
    /// Line width used for a stream redirected to a file or pipe, which has no terminal width. It keeps the
    /// commands' longest lines, such as the example queries, whole, where the default of 80 would split them.
    /// </summary>
    public const int RedirectedWidth = 240;

    /// <summary>Returns the streams of this process.</summary>
    public static StandardStreams FromConsole()
    {
        var output = AnsiConsole.Console;
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = RedirectedWidth;
        }

        if (Console.IsErrorRedirected)
        {
            error.Profile.Width = RedirectedWidth;
        }

        return new StandardStreams(output, error, Console.In, Console.IsInputRedirected, Console.IsOutputRedirected);
    }
}
