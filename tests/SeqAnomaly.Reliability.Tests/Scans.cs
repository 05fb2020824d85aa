using Dapper;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>Small source tables and fast scans of them, for tests that check plumbing rather than detection.</summary>
internal static class Scans
{
    /// <summary>A classic model trained for one epoch on at most 500 values: seconds, not minutes.</summary>
    public static ScanRequest Request(string table, string column = "Serial", string threshold = "quantile:0.99") =>
        new(
            table,
            "Id",
            column,
            $"{table}.{column}",
            ClassicModel.Name,
            ThresholdRule.Parse(threshold),
            ModelCatalog.DefaultTrainingOptions(ClassicModel.Name) with { Epochs = 1, Seed = 7 },
            new ScanTuning(SampleSize: 500));

    /// <summary>Creates <paramref name="table"/> (Id, Serial) with serials such as AB3Q and the given extra values.</summary>
    public static async Task CreatePartsAsync(TestDatabase database, string table, int rows, params string?[] extra)
    {
        await database.ExecuteAsync($"CREATE TABLE {table} (Id integer NOT NULL PRIMARY KEY, Serial text NULL)");
        var values = Enumerable.Range(1, rows)
            .Select(i => (string?)$"AB{i % 10}{(char)('Q' + (i % 5))}")
            .Concat(extra)
            .Select((serial, i) => new { Id = i + 1, Serial = serial });
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync($"INSERT INTO {table} (Id, Serial) VALUES (@Id, @Serial)", values, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>Rows of every product table, so that a test can show that a rejected scan wrote nothing.</summary>
    public static async Task<string> ProductRowCountsAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        var counts = new List<string>();
        foreach (var table in new[] { "Scans", "Models", "TrainingHistory", "SequenceScores", "ScanRequests" })
        {
            counts.Add($"{table}={await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object(table)}")}");
        }

        return string.Join(", ", counts);
    }

    /// <summary>Reports every progress line to <paramref name="report"/> on the scan's own thread.</summary>
    public sealed class Callback(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
