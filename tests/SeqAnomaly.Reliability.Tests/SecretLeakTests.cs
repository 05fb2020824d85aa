using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SeqAnomaly.Cli;
using SeqAnomaly.Cli.Worker;
using Spectre.Console.Testing;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>
/// Failing scans and a failing worker, run with a password-bearing connection string: the password appears in no
/// output, log line or stored error.
/// </summary>
public sealed class SecretLeakTests
{
    // Every write of scores fails, so a scan fails after its Scans row exists and stores its error there.
    private const string FailingWrites = """
        CREATE FUNCTION public.fail_write() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$;
        CREATE TRIGGER fail_write BEFORE INSERT ON anomaly.SequenceScores FOR EACH ROW EXECUTE FUNCTION public.fail_write();
        """;

    [Fact]
    public async Task FailingScansAndWorker_PasswordInConnectionString_NeverShown()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("postgres");
        await Scans.CreatePartsAsync(database, "Parts", 100, "ZZZZZZZZZZ##");
        await database.ExecuteAsync(FailingWrites);
        var password = new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!;
        var wrongPassword = "Wr0ng-" + Guid.NewGuid().ToString("N");
        var withWrongPassword = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = wrongPassword }.ConnectionString;
        var outputs = new List<string>();

        foreach (var (connection, extra) in new[]
        {
            (database.ConnectionString, Array.Empty<string>()),
            (database.ConnectionString, ["--json"]),
            (database.ConnectionString, ["--table", "NoSuchTable"]),
            (withWrongPassword, Array.Empty<string>()),
        })
        {
            var (exitCode, output, error) = await RunScanAsync(connection, extra);
            Assert.NotEqual(ExitCodes.Success, exitCode);
            outputs.Add(output + error);
        }

        await database.ExecuteAsync(
            """SELECT anomaly.RequestScan('parts', 'id', 'serial', '{"epochs": 1, "architecture": "classic"}')""");
        outputs.AddRange(await RunWorkerAsync(database));
        var stored = await database.QueryAsync<string?>(
            "SELECT ErrorMessage FROM anomaly.Scans UNION ALL SELECT Error FROM anomaly.ScanRequests");

        Assert.Contains(stored, message => message?.Contains("No space left on device", StringComparison.Ordinal) == true);
        Assert.Contains(outputs, output => output.Contains("No space left on device", StringComparison.Ordinal));
        Assert.Contains(outputs, output => output.Contains("28P01", StringComparison.Ordinal));
        foreach (var text in outputs.Concat(stored.Select(message => message ?? "")))
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(wrongPassword, text, StringComparison.Ordinal);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunScanAsync(string connection, string[] extra)
    {
        var output = new TestConsole().Width(400);
        var error = new TestConsole().Width(400);
        var streams = new Cli.Output.StandardStreams(output, error, TextReader.Null, InputRedirected: false, OutputRedirected: true);
        var options = new Dictionary<string, string>
        {
            ["--provider"] = "postgres", ["--connection"] = connection, ["--table"] = "Parts", ["--key"] = "Id",
            ["--column"] = "Serial", ["--architecture"] = "classic", ["--epochs"] = "1", ["--verbose"] = "",
        };
        for (var i = 0; i < extra.Length; i++)
        {
            if (extra[i] == "--json")
            {
                options["--json"] = "";
                continue;
            }

            options[extra[i]] = extra[++i];
        }

        var args = options.SelectMany(o => o.Value.Length == 0 ? new[] { o.Key } : new[] { o.Key, o.Value });
        var exitCode = await SeqAnomalyApp.RunAsync(["scan", .. args], streams);
        return (exitCode, output.Output, error.Output);
    }

    private static async Task<IEnumerable<string>> RunWorkerAsync(TestDatabase database)
    {
        var builder = WorkerHost.CreateBuilder(new Dictionary<string, string?>
        {
            ["Worker:Name"] = "leak-test",
            ["Worker:Drain"] = "true",
            ["Worker:PollIntervalSeconds"] = "0.1",
            ["Worker:MaxAttempts"] = "1",
        });
        var lines = new RecordingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(lines);
        using var host = WorkerHost.Build(builder, database.Store);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        await host.RunAsync(limit.Token);

        return lines.Lines;
    }

    /// <summary>Keeps every log line with its exception, as a log sink would store it.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IEnumerable<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {state} {exception}");
        }
    }
}
