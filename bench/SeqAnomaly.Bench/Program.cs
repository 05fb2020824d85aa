using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SeqAnomaly.Bench;
using Spectre.Console;

const string Usage =
    "usage: SeqAnomaly.Bench bulk [--postgres CONNECTION_STRING] [--sqlite FILE]\n" +
    "       SeqAnomaly.Bench scale [--postgres CONNECTION_STRING] [--sqlite FILE] [--rows N,N...]\n" +
    "       SeqAnomaly.Bench hot [BenchmarkDotNet options, for example --filter *Encode*]";

if (args.Length > 0 && args[0] == "hot")
{
    // In process: a separately built benchmark project would lack the TorchSharp native library fix.
    var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    BenchmarkRunner.Run<HotLoops>(config, args[1..]);
    return 0;
}

if (args.Length == 5 && args[0] == "scale-run")
{
    // A child of "scale": one measurement, printed as one JSON line.
    var connection = Environment.GetEnvironmentVariable("SEQANOMALY_CONNECTION")
        ?? throw new InvalidOperationException("SEQANOMALY_CONNECTION is not set.");
    var figures = await ScaleRun.RunAsync(args[1], args[2], connection, args[3], long.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(ScaleRun.ToJson(figures));
    return 0;
}

if (args.Length == 0 || (args[0] != "bulk" && args[0] != "scale"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string? postgres = null;
string? sqlite = null;
long[] sizes = [1_000_000, 10_000_000];
for (var i = 1; i < args.Length; i++)
{
    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Option '{args[i]}' needs a value. {Usage}");
        return 2;
    }

    switch (args[i])
    {
        case "--postgres":
            postgres = args[++i];
            break;
        case "--sqlite":
            sqlite = args[++i];
            break;
        case "--rows" when args[0] == "scale":
            var counts = args[++i].Split(',');
            if (!counts.All(count => long.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) && rows > 0))
            {
                Console.Error.WriteLine($"--rows must list whole numbers of at least 1, separated by commas, not '{args[i]}'. {Usage}");
                return 2;
            }

            sizes = [.. counts.Select(count => long.Parse(count, System.Globalization.CultureInfo.InvariantCulture))];
            break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. {Usage}");
            return 2;
    }
}

if (postgres is null && sqlite is null)
{
    Console.Error.WriteLine($"Name at least one database. {Usage}");
    return 2;
}

if (args[0] == "scale")
{
    var engines = new List<(string, string)>();
    if (sqlite is not null)
    {
        engines.Add(("sqlite", $"Data Source={sqlite}"));
    }

    if (postgres is not null)
    {
        engines.Add(("postgres", postgres));
    }

    return await ScaleBenchmark.RunAsync(engines, sizes);
}

var results = new List<BulkWriteResult>();
try
{
    if (sqlite is not null)
    {
        results.AddRange(await BulkWriteBenchmark.RunAsync("sqlite", $"Data Source={sqlite}"));
    }

    if (postgres is not null)
    {
        results.AddRange(await BulkWriteBenchmark.RunAsync("postgres", postgres));
    }
}
catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException)
{
    // The message only: an exception's text from the drivers does not contain the connection string.
    Console.Error.WriteLine($"Benchmark failed: {error.Message}");
    return 1;
}

BulkWriteReport.Write(AnsiConsole.Console, results);
return 0;
