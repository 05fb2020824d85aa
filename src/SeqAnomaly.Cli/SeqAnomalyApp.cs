using SeqAnomaly.Cli.Commands;
using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Worker;
using SeqAnomaly.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli;

/// <summary>The <c>seqanomaly</c> command line: its commands, and the mapping of errors to exit codes.</summary>
public static class SeqAnomalyApp
{
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
                .WithExample("migrate", "--provider", "sqlite", "--connection", "Data Source=parts.db");
            config.AddCommand<ScanCommand>("scan")
                .WithDescription("Train a model on one column, score every row and store the results.")
                .WithExample("scan", "--provider", "sqlite", "--connection", "Data Source=parts.db", "--table", "Parts", "--key", "Id", "--column", "Serial")
                .WithExample("scan", "--provider", "postgres", "--table", "sales.Parts", "--key", "Id", "--column", "Serial", "--json", "--quiet");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write an HTML report of a stored scan with plots of its training loss, scores and top values.")
                .WithExample("report", "--connection", "Data Source=parts.db", "--scan", "1", "--out", "report")
                .WithExample("report", "--provider", "postgres", "--scan", "12", "--out", "/tmp/scan-12", "--top", "20");
            config.AddCommand<ScoreCommand>("score")
                .WithDescription("Score values with the latest stored model of a name: score, outlier flag and explanation.")
                .WithExample("score", "--connection", "Data Source=parts.db", "--model", "Parts.Serial", "ABCD1QWO", "ABCD7QWO")
                .WithExample("score", "--connection", "Data Source=parts.db", "--model", "Parts.Serial", "--json", "<", "values.txt");
            config.AddCommand<ImportCsvCommand>("import-csv")
                .WithDescription("Load a CSV file with a header row into a new table of text columns.")
                .WithExample("import-csv", "--provider", "sqlite", "--connection", "Data Source=hospital.db", "--table", "Hospital", "--file", "dirty.csv");
            config.AddCommand<WorkerCommand>("worker")
                .WithDescription("Run queued scan requests until stopped; runs as a systemd or Windows service too.")
                .WithExample("worker", "--provider", "postgres", "--connection", "Host=127.0.0.1;Database=parts");
            config.AddCommand<RequestCommand>("request")
                .WithDescription("Queue a scan request for a worker, after checking the table, columns and options.")
                .WithExample("request", "--provider", "sqlite", "--connection", "Data Source=parts.db", "--table", "Parts", "--key", "Id", "--column", "Serial", "--options", "{\"epochs\":5}");
            config.AddCommand<CancelCommand>("cancel")
                .WithDescription("Cancel a Pending or Running scan request.")
                .WithExample("cancel", "--provider", "sqlite", "--connection", "Data Source=parts.db", "--request", "7");
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
            return await app.RunAsync(args, cancellation.Token);
        }
        catch (Exception error) when (json)
        {
            // Standard output stays one JSON document, so automation can read the error like a result.
            var exitCode = Report(streams.Error, error);
            JsonOutput.Write(output, new { Error = new { ExitCode = exitCode, error.Message } });
            return exitCode;
        }
        catch (Exception error)
        {
            return Report(output, error);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

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
