using Dapper;
using Microsoft.Data.Sqlite;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Data;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>A SQLite database that cannot grow, or is opened read-only: a clear error, and the file stays intact.</summary>
public sealed class SqliteFaultTests
{
    [Fact]
    public async Task Scan_DatabaseFull_FailsAndLeavesFileIntact()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("sqlite");
        await Scans.CreatePartsAsync(database, "Parts", 2000, "ZZZZZZZZZZ##");
        var runner = new ScanRunner(database.Store);
        var first = await runner.RunAsync(Scans.Request("Parts"));
        var before = await OutliersAsync(database);

        // PRAGMA max_page_count caps the file at its present size, and SQLite then answers SQLITE_FULL exactly
        // as on a full disk. The setting belongs to the connection, so the capped connection goes back to the pool
        // and the scan's own connections, opened one at a time with the same connection string, reuse it.
        await using (var capped = (SqliteConnection)await database.Provider.OpenConnectionAsync(database.ConnectionString, default))
        {
            await capped.ExecuteAsync("PRAGMA max_page_count = " + await capped.ExecuteScalarAsync<long>("PRAGMA page_count"));
        }

        var error = await Assert.ThrowsAsync<SqliteException>(() => runner.RunAsync(Scans.Request("Parts")));
        SqliteConnection.ClearAllPools();
        var after = await OutliersAsync(database);
        var statuses = await database.QueryAsync<string>($"SELECT Status FROM Scans ORDER BY ScanId");
        var integrity = await database.ScalarAsync<string>("PRAGMA integrity_check");
        var retried = await runner.RunAsync(Scans.Request("Parts"));

        Assert.Equal(13, error.SqliteErrorCode);
        Assert.Contains("full", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ok", integrity);
        Assert.Equal(before, after);
        Assert.Equal(["Succeeded", "Failed"], statuses);
        Assert.Equal(0, await database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM SequenceScores WHERE ScanId NOT IN (SELECT ScanId FROM Scans WHERE Status = 'Succeeded')"));
        Assert.NotEqual(first.ScanId, retried.ScanId);
    }

    [Fact]
    public async Task Scan_DatabaseReadOnly_FailsBeforeWritingAndLeavesFileIntact()
    {
        // Tests run as root, which ignores file permissions, so the database is opened with Mode=ReadOnly instead.
        await using var database = await TestDatabase.CreateMigratedAsync("sqlite");
        await Scans.CreatePartsAsync(database, "Parts", 300, "ZZZZZZZZZZ##");
        await new ScanRunner(database.Store).RunAsync(Scans.Request("Parts"));
        var before = await Scans.ProductRowCountsAsync(database);
        var readOnly = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
        var runner = new ScanRunner(new AnomalyStore(new SqliteProvider(), readOnly.ConnectionString));

        var error = await Assert.ThrowsAsync<SqliteException>(() => runner.RunAsync(Scans.Request("Parts")));
        SqliteConnection.ClearAllPools();

        Assert.Equal(8, error.SqliteErrorCode);
        Assert.Contains("readonly database", error.Message, StringComparison.Ordinal);
        Assert.Equal("ok", await database.ScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(before, await Scans.ProductRowCountsAsync(database));
    }

    private static async Task<string> OutliersAsync(TestDatabase database) =>
        string.Join(";", await database.QueryAsync<string>("SELECT ScanId || ':' || RowKey FROM AnomalousSequences ORDER BY RowKey"));
}
