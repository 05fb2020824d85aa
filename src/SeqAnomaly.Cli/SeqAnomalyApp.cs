using System.Text.RegularExpressions;
using SeqAnomaly.Cli.Commands;
using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Worker;
using SeqAnomaly.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli;

/// <summary>The <c>seqanomaly</c> command line: its commands, and the mapping of errors to exit codes.</summary>
public static partial class SeqAnomalyApp
{
    // The long option names of every command's settings, each with the types of its properties, read once.
    private static readonly Lazy<ILookup<string, Type>> s_optionTypes = new(() =>
        typeof(SeqAnomalyApp).Assembly.GetTypes()
            .Where(type => typeof(CommandSettings).IsAssignableFrom(type))
            .SelectMany(type => type.GetProperties())
            .SelectMany(property => property.GetCustomAttributes(typeof(CommandOptionAttribute), inherit: true)
                .Cast<CommandOptionAttribute>()
                .SelectMany(attribute => attribute.LongNames)
                .Distinct(StringComparer.Ordinal)
                .Select(name => (Name: name, Type: Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)))
            .ToLookup(option => option.Name, option => option.Type, StringComparer.Ordinal));

    /// <summary>Runs one command on this process's standard streams and returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, StandardStreams.FromConsole());

    /// <summary>Runs one command with standard output on <paramref name="console"/> and returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console) =>
        RunAsync(args, new StandardStreams(console, console, TextReader.Null, InputRedirected: true, OutputRedirected: false));

    /// <summary>Runs one command on <paramref name="streams"/> and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, StandardStreams streams)
    {
        var output = streams.Out;
        var json = args.Contains("--json", StringComparer.Ordinal);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("seqanomaly");
            config.ConfigureConsole(output);
            config.Settings.Registrar.RegisterInstance(streams);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Create a SQLite database of part serials with five planted anomalies, scan it and show the outliers.")
                .WithExample("demo")
                .WithExample("demo", "--db", "demo.db", "--seed", "7");
            config.AddCommand<MigrateCommand>("migrate")
                .WithDescription("Create or upgrade the product's tables and views in a database.")
                .WithExample("migrate", "--provider", "sqlite", "--connection", "\"Data Source=parts.db\"");
            config.AddCommand<ScanCommand>("scan")
                .WithDescription("Train a model on one column, score every row and store the results.")
                .WithExample("scan", "--provider", "sqlite", "--connection", "\"Data Source=parts.db\"", "--table", "Parts", "--key", "Id", "--column", "Serial")
                .WithExample("scan", "--provider", "postgres", "--table", "sales.Parts", "--key", "Id", "--column", "Serial", "--json", "--quiet");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write an HTML report of a stored scan with plots of its training loss, scores and top values.")
                .WithExample("report", "--connection", "\"Data Source=parts.db\"", "--scan", "1", "--out", "report")
                .WithExample("report", "--provider", "postgres", "--scan", "12", "--out", "/tmp/scan-12", "--top", "20");
            config.AddCommand<ScoreCommand>("score")
                .WithDescription("Score values with the latest stored model of a name: score, outlier flag and explanation.")
                .WithExample("score", "--connection", "\"Data Source=parts.db\"", "--model", "Parts.Serial", "ABCD1QWO", "ABCD7QWO")
                .WithExample("score", "--connection", "\"Data Source=parts.db\"", "--model", "Parts.Serial", "--json", "<", "values.txt");
            config.AddCommand<ImportCsvCommand>("import-csv")
                .WithDescription("Load a CSV file with a header row into a new table of text columns.")
                .WithExample("import-csv", "--provider", "sqlite", "--connection", "\"Data Source=hospital.db\"", "--table", "Hospital", "--file", "dirty.csv");
            config.AddCommand<WorkerCommand>("worker")
                .WithDescription("Run queued scan requests until stopped; runs as a systemd or Windows service too.")
                .WithExample("worker", "--provider", "postgres", "--connection", "\"Host=127.0.0.1;Database=parts\"");
            config.AddCommand<RequestCommand>("request")
                .WithDescription("Queue a scan request for a worker, after checking the table, columns and options.")
                .WithExample("request", "--provider", "sqlite", "--connection", "\"Data Source=parts.db\"", "--table", "Parts", "--key", "Id", "--column", "Serial", "--options", "'{\"epochs\":5}'");
            config.AddCommand<CancelCommand>("cancel")
                .WithDescription("Cancel a Pending or Running scan request.")
                .WithExample("cancel", "--provider", "sqlite", "--connection", "\"Data Source=parts.db\"", "--request", "7");
        });

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // A service manager stops the process with SIGTERM; it cancels like Ctrl+C, so a scan is marked Failed.
        using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            signal =>
            {
                signal.Cancel = true;
                cancellation.Cancel();
            });
        try
        {
            CheckOptionValues(args);
            return await app.RunAsync(args, cancellation.Token);
        }
        catch (Exception error) when (json)
        {
            // Standard output stays one JSON document, so automation can read the error like a result.
            var reported = WithOptionName(error, args);
            var exitCode = Report(streams.Error, reported);
            JsonOutput.Write(output, new { Error = new { ExitCode = exitCode, reported.Message } });
            return exitCode;
        }
        catch (Exception error)
        {
            return Report(output, WithOptionName(error, args));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Returns the parser's "Failed to convert 'abc' to Int32." as an invalid-input error that names the option
    /// and the expected value. Any other error is returned unchanged.
    /// </summary>
    private static Exception WithOptionName(Exception error, string[] args)
    {
        var match = ConversionFailure().Match(error.Message);
        if (error is not (CommandParseException or CommandRuntimeException) || !match.Success)
        {
            return error;
        }

        var value = match.Groups["value"].Value;
        var position = Array.IndexOf(args, value);
        var option = position > 0 && args[position - 1].StartsWith("--", StringComparison.Ordinal) ? args[position - 1] : null;
        var joined = args.FirstOrDefault(arg => arg.StartsWith("--", StringComparison.Ordinal) && arg.EndsWith("=" + value, StringComparison.Ordinal));
        option ??= joined?[..joined.IndexOf('=', StringComparison.Ordinal)];
        var expected = option is null ? null : ExpectedNumber(option[2..]);
        return expected is null ? error : InvalidInputException.InvalidOption(option!, value, expected);
    }

    /// <summary>
    /// Raises <see cref="InvalidInputException"/> for an option that takes a value but is given none, and for a
    /// numeric option given an empty one. The parser would take the name of its default command as the missing
    /// value, and an empty number as unset.
    /// </summary>
    private static void CheckOptionValues(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var equals = args[i].IndexOf('=', StringComparison.Ordinal);
            var option = equals < 0 ? args[i] : args[i][..equals];
            var types = OptionTypes(option[2..]);
            if (types.Count == 0 || types.All(type => type == typeof(bool)))
            {
                continue;
            }

            var expected = ExpectedNumber(option[2..]);
            if (equals < 0 && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                throw new InvalidInputException($"Missing value for {option}: expected {expected ?? "a value"}.");
            }

            var value = equals < 0 ? args[i + 1] : args[i][(equals + 1)..];
            if (expected is not null && string.IsNullOrWhiteSpace(value))
            {
                throw InvalidInputException.InvalidOption(option, value, expected);
            }
        }
    }

    /// <summary>Returns the kind of number an option takes, from the settings properties of that name, or null for other types.</summary>
    private static string? ExpectedNumber(string longName)
    {
        var types = OptionTypes(longName);
        if (types.Count == 0)
        {
            return null;
        }

        if (types.All(type => type == typeof(int) || type == typeof(long)))
        {
            return "a whole number";
        }

        return types.All(type => type == typeof(int) || type == typeof(long) || type == typeof(double)) ? "a number" : null;
    }

    /// <summary>Returns the types of the settings properties behind the option <c>--</c><paramref name="longName"/>, in any command.</summary>
    private static List<Type> OptionTypes(string longName) => [.. s_optionTypes.Value[longName]];

    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to [\w`]+\.$")]
    private static partial Regex ConversionFailure();

    private static int Report(IAnsiConsole output, Exception error)
    {
        switch (error)
        {
            case InvalidInputException or CommandParseException or CommandRuntimeException:
                output.MarkupLineInterpolated($"[red]Error:[/] {error.Message}");
                return ExitCodes.InvalidInput;
            case OperationCanceledException:
                output.MarkupLine("[yellow]Cancelled.[/]");
                return ExitCodes.Cancelled;
            default:
                output.MarkupLineInterpolated($"[red]Failed:[/] {error.GetType().Name}: {error.Message}");
                return ExitCodes.Failure;
        }
    }
}
