using SeqAnomaly.Bench;
using Spectre.Console;

const string Usage = "usage: SeqAnomaly.Bench bulk [--postgres CONNECTION_STRING] [--sqlite FILE]";

if (args.Length == 0 || args[0] != "bulk")
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string? postgres = null;
string? sqlite = null;
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
