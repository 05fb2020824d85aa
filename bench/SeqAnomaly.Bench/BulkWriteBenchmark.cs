using System.Diagnostics;
using Dapper;
using SeqAnomaly.Data;

namespace SeqAnomaly.Bench;

/// <summary>One timed write: how many score rows went in and how long it took, commit included.</summary>
public sealed record BulkWriteResult(string Engine, string Method, int Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// Times the bulk score write against one INSERT per row on one database. Each method writes into a scan of its
/// own, inside one transaction, and the benchmark's scans and scores are deleted afterwards.
/// </summary>
public static class BulkWriteBenchmark
{
    public const int BulkRows = 1_000_000;

    public const int SingleRows = 10_000;

    /// <summary>Migrates the database, then runs both methods on it.</summary>
    public static async Task<IReadOnlyList<BulkWriteResult>> RunAsync(string engine, string connectionString)
    {
        var provider = DatabaseProvider.FromName(engine);
        var store = new AnomalyStore(provider, connectionString);
        store.Migrate(_ => { });

        // Scores only need their scan to exist; the source table itself is never read.
        var source = new SourceColumn(null, "BenchSource", "Id", "Serial", "BenchSource", "Id", "Serial");
        var bulkScan = await store.StartScanAsync(source);
        var singleScan = await store.StartScanAsync(source);
        try
        {
            var bulk = await TimeAsync(provider, connectionString, (connection, transaction) =>
                provider.WriteScoresAsync(connection, transaction, bulkScan, Scores(BulkRows), CancellationToken.None));
            var single = await TimeAsync(provider, connectionString, (connection, transaction) =>
                InsertOneByOneAsync(provider, connection, transaction, singleScan, Scores(SingleRows)));
            return
            [
                new BulkWriteResult(engine, "bulk (WriteScoresAsync)", BulkRows, bulk),
                new BulkWriteResult(engine, "one INSERT per row", SingleRows, single),
            ];
        }
        finally
        {
            await DeleteScansAsync(provider, connectionString, [bulkScan, singleScan]);
        }
    }

    private static async Task<TimeSpan> TimeAsync(
        DatabaseProvider provider,
        string connectionString,
        Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task> write)
    {
        await using var connection = provider.CreateConnection(connectionString);
        await connection.OpenAsync();
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        await write(connection, transaction);
        await transaction.CommitAsync();
        return stopwatch.Elapsed;
    }

    private static async Task InsertOneByOneAsync(
        DatabaseProvider provider,
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        long scanId,
        IEnumerable<ScoreRow> scores)
    {
        var sql = $"INSERT INTO {provider.ObjectName("SequenceScores")} " +
            "(ScanId, RowKey, Value, Score, IsOutlier, Explanation) " +
            "VALUES (@ScanId, @RowKey, @Value, @Score, @IsOutlier, @Explanation)";
        foreach (var row in scores)
        {
            await connection.ExecuteAsync(
                sql, new { ScanId = scanId, row.RowKey, row.Value, row.Score, row.IsOutlier, row.Explanation }, transaction);
        }
    }

    private static async Task DeleteScansAsync(DatabaseProvider provider, string connectionString, long[] scanIds)
    {
        await using var connection = provider.CreateConnection(connectionString);
        await connection.OpenAsync();
        foreach (var scanId in scanIds)
        {
            await connection.ExecuteAsync(
                $"DELETE FROM {provider.ObjectName("SequenceScores")} WHERE ScanId = @scanId", new { scanId });
            await connection.ExecuteAsync($"DELETE FROM {provider.ObjectName("Scans")} WHERE ScanId = @scanId", new { scanId });
        }
    }

    /// <summary>Score rows shaped like a real scan: short serials, a few NULL values and one outlier in 5,000.</summary>
    private static IEnumerable<ScoreRow> Scores(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var isOutlier = i % 5000 == 0;
            yield return new ScoreRow(
                i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                i % 100 == 0 ? null : $"AB{i % 1000:000}E",
                i * 1e-6,
                isOutlier,
                isOutlier ? "character 3 is rare in this position" : null);
        }
    }
}
