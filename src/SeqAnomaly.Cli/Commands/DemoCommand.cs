using System.ComponentModel;
using Dapper;
using Microsoft.Data.Sqlite;
using SeqAnomaly.Cli.Demo;
using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;
using SeqAnomaly.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Creates the demo database, scans it, and shows where the planted values ranked.</summary>
public sealed class DemoCommand(StandardStreams streams) : AsyncCommand<DemoCommand.Settings>
{
    /// <summary>Options of <c>seqanomaly demo</c>.</summary>
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--db <FILE>")]
        [Description("SQLite file to create. An existing file is replaced only if the demo created it.")]
        [DefaultValue("seqanomaly-demo.db")]
        public string Database { get; init; } = "seqanomaly-demo.db";

        [CommandOption("--seed <N>")]
        [Description("Seed of the generated data and of training.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = streams.Out;
        console.MarkupLineInterpolated($"Creating {settings.Database} with {DemoDatabase.NormalCount:N0} serials and {DemoDatabase.Planted.Count} planted anomalies.");
        var connectionString = DemoDatabase.Create(settings.Database, settings.Seed);
        var store = new AnomalyStore(DatabaseProvider.FromName("sqlite"), connectionString);
        var architecture = ModelCatalog.DefaultArchitecture;
        var request = new ScanRequest(
            "Parts",
            "Id",
            "Serial",
            "Parts.Serial",
            architecture,
            ThresholdRule.Parse(ModelCatalog.DefaultThresholdRule(architecture)),
            ModelCatalog.DefaultTrainingOptions(architecture) with { Seed = settings.Seed },
            new ScanTuning());
        var result = await ProgressDisplay.RunAsync(
            console,
            settings.Verbosity,
            streams.Interactive,
            progress => new ScanRunner(store).RunAsync(request, progress, 20, cancellationToken));
        ScanSummaryView.Write(console, result, store.Provider, settings.Verbosity);
        WritePlantedRanks(console, connectionString, result.ScanId);

        console.MarkupLine("Look at the results with any SQLite client, for example:");
        console.MarkupLineInterpolated($"  sqlite3 {settings.Database} \"SELECT RowKey, Value, Score, Threshold FROM AnomalousSequences ORDER BY Score DESC;\"");
        console.MarkupLine("or write a report with plots:");
        console.MarkupLineInterpolated($"  seqanomaly report --connection \"Data Source={settings.Database}\" --scan {result.ScanId} --out demo-report");
        return ExitCodes.Success;
    }

    private static void WritePlantedRanks(IAnsiConsole console, string connectionString, long scanId)
    {
        using var connection = new SqliteConnection(connectionString);
        var planted = connection.Query<(string Value, double Score, bool IsOutlier, long Rank)>(
            """
            SELECT s.Value, s.Score, s.IsOutlier,
                   (SELECT COUNT(*) FROM SequenceScores o WHERE o.ScanId = s.ScanId AND o.Score > s.Score) + 1 AS Rank
            FROM SequenceScores s
            WHERE s.ScanId = @scanId AND s.Value IN @values
            ORDER BY Rank;
            """,
            new { scanId, values = DemoDatabase.Planted });
        var table = new Table().Title("Planted anomalies");
        table.AddColumns("Value", "Rank", "Score", "Flagged");
        foreach (var row in planted)
        {
            table.AddRow(row.Value, row.Rank.ToString("N0"), row.Score.ToString("G6"), row.IsOutlier ? "yes" : "[red]no[/]");
        }

        console.Write(table);
    }
}
