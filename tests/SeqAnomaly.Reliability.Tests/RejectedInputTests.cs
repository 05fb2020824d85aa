using SeqAnomaly.Cli;
using Spectre.Console.Testing;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>Bad options and hostile table names are rejected before anything is written.</summary>
public sealed class RejectedInputTests
{
    public static TheoryData<string, string[], string> BadScans => new()
    {
        { "sqlite", ["--epochs", "-3"], "epochs" },
        { "sqlite", ["--sample-size", "5"], "--sample-size" },
        { "sqlite", ["--sample-size", "1.5"], "Invalid value '1.5' for --sample-size: expected a whole number" },
        { "sqlite", ["--epochs", "abc"], "Invalid value 'abc' for --epochs: expected a whole number" },
        { "sqlite", ["--score-batch-size", "2147483647"], "Invalid value '2147483647' for --score-batch-size" },
        { "sqlite", ["--threshold", "median"], "median" },
        { "sqlite", ["--threshold", "quantile:1.5"], "quantile:1.5" },
        { "sqlite", ["--table", "Parts\"; DROP TABLE Parts; --"], "was not found" },
        { "sqlite", ["--table", "[Parts]"], "[Parts]" },
        { "sqlite", ["--table", "Parts; DELETE FROM Scans"], "Parts; DELETE FROM Scans" },
        { "sqlite", ["--table", "Parts /* x */"], "Parts /* x */" },
        { "sqlite", ["--column", "Serial -- x"], "Serial -- x" },
        { "postgres", ["--table", "Parts'); DROP TABLE anomaly.Scans; --"], "was not found" },
        { "postgres", ["--table", "Hidden"], "outside it" },
        { "postgres", ["--table", "elsewhere.Parts"], "was not found" },
    };

    [Theory]
    [MemberData(nameof(BadScans))]
    public async Task Scan_BadOptionOrName_RejectedAndWritesNothing(string engine, string[] bad, string named)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Scans.CreatePartsAsync(database, "Parts", 50);
        if (database.IsPostgres)
        {
            // A table that exists only in a schema outside the search path.
            await database.ExecuteAsync("CREATE SCHEMA hidden_schema; CREATE TABLE hidden_schema.Hidden (Id integer, Serial text)");
        }

        var before = await Scans.ProductRowCountsAsync(database);
        var options = new Dictionary<string, string>
        {
            ["--provider"] = engine, ["--connection"] = database.ConnectionString, ["--table"] = "Parts", ["--key"] = "Id",
            ["--column"] = "Serial", ["--architecture"] = "classic", ["--epochs"] = "1",
        };
        for (var i = 0; i < bad.Length; i += 2)
        {
            options[bad[i]] = bad[i + 1];
        }

        var console = new TestConsole().Width(400);
        var exitCode = await SeqAnomalyApp.RunAsync(["scan", .. options.SelectMany(o => new[] { o.Key, o.Value })], console);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(named, console.Output, StringComparison.Ordinal);
        Assert.Equal(before, await Scans.ProductRowCountsAsync(database));
        Assert.Equal(50, await database.ScalarAsync<long>("SELECT COUNT(*) FROM Parts"));
    }
}
