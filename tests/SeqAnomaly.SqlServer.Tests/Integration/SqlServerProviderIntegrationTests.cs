using Dapper;
using Microsoft.Data.SqlClient;
using SeqAnomaly.Core;
using SeqAnomaly.Data;

namespace SeqAnomaly.SqlServer.Tests.Integration;

/// <summary>The provider against a live SQL Server: catalog lookups, identity inserts and the bulk score write.</summary>
public sealed class SqlServerProviderIntegrationTests(SqlServerDatabase database) : IClassFixture<SqlServerDatabase>
{
    private readonly SqlServerProvider _provider = new();

    [SqlServerFact]
    public async Task ResolveSource_AcceptsNameForms()
    {
        await using var connection = await PrepareAsync();

        var plain = await _provider.ResolveSourceAsync(connection, "Parts", "PartId", "Serial", default);
        var qualified = await _provider.ResolveSourceAsync(connection, "Sales.Parts", "PartId", "Serial", default);
        var bracketed = await _provider.ResolveSourceAsync(connection, "[Sales].[Parts]", "[PartId]", "[Serial]", default);

        Assert.Equal("dbo", plain.Schema);
        Assert.Equal("[dbo].[Parts]", plain.QuotedTable);
        Assert.Equal("Sales", qualified.Schema);
        Assert.Equal("[Sales].[Parts]", bracketed.QuotedTable);
        Assert.Equal("[Serial]", bracketed.QuotedValue);
        Assert.Equal("Sales.Parts", bracketed.DisplayTable);
    }

    [SqlServerFact]
    public async Task ResolveSource_MissingColumn_ListsColumns()
    {
        await using var connection = await PrepareAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _provider.ResolveSourceAsync(connection, "Sales.Parts", "PartId", "Serail", default));

        Assert.Contains("'Serail'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PartId, Serial, Photo", error.Message, StringComparison.Ordinal);
    }

    [SqlServerFact]
    public async Task ResolveSource_MissingTable_ListsTables()
    {
        await using var connection = await PrepareAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _provider.ResolveSourceAsync(connection, "Sales.Partz", "PartId", "Serial", default));

        Assert.Contains("'Sales.Partz'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parts", error.Message, StringComparison.Ordinal);
    }

    [SqlServerFact]
    public async Task ResolveSource_BinaryValueColumn_Throws()
    {
        await using var connection = await PrepareAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => _provider.ResolveSourceAsync(connection, "Sales.Parts", "PartId", "Photo", default));

        Assert.Contains("varbinary", error.Message, StringComparison.Ordinal);
    }

    [SqlServerFact]
    public async Task TextOf_ConvertsCommonTypes()
    {
        await using var connection = await PrepareAsync();

        var text = await connection.QuerySingleAsync<(string Guid, string Number, string Day)>(
            $"SELECT {_provider.TextOf("[g]")}, {_provider.TextOf("[n]")}, {_provider.TextOf("[d]")} "
            + "FROM (VALUES (CAST('6F9619FF-8B86-D011-B42D-00C04FC964FF' AS uniqueidentifier), 42, CAST('2025-01-02' AS date))) AS v (g, n, d);");

        Assert.Equal("6F9619FF-8B86-D011-B42D-00C04FC964FF", text.Guid);
        Assert.Equal("42", text.Number);
        Assert.Equal("2025-01-02", text.Day);
    }

    [SqlServerFact]
    public async Task CompleteScan_ShowsOnlyLatestOutliers()
    {
        await using var connection = await PrepareAsync();
        var first = await RunScanAsync(connection, [new("1", "AB121E", 0.01, false, null), new("2", "ZZZ", 0.9, true, "rare")], commit: true);
        var second = await RunScanAsync(connection, [new("1", "AB121E", 0.02, false, null), new("3", "#?", 0.8, true, "unseen")], commit: true);
        await RunScanAsync(connection, [new("4", "never", 0.99, true, "rolled back")], commit: false);

        var rows = (await connection.QueryAsync<(long ScanId, string SourceTable, string SourceColumn, string RowKey, string Value, bool IsOutlier)>(
            "SELECT ScanId, SourceTable, SourceColumn, RowKey, Value, IsOutlier FROM anomaly.AnomalousSequences WHERE SourceTable = N'Sales.Parts';")).ToList();

        Assert.True(second > first);
        var row = Assert.Single(rows);
        Assert.Equal(second, row.ScanId);
        Assert.Equal("Serial", row.SourceColumn);
        Assert.Equal("3", row.RowKey);
        Assert.Equal("#?", row.Value);
        Assert.True(row.IsOutlier);
    }

    [SqlServerFact]
    public async Task WriteScores_MoreRowsThanOneBatch_WritesAll()
    {
        await using var connection = await PrepareAsync();
        const int count = 120_000;
        var scores = Enumerable.Range(0, count).Select(i => new ScoreRow($"k{i}", $"v{i}", i / (double)count, i % 1000 == 0, null));

        var scanId = await RunScanAsync(connection, scores, commit: true);

        var written = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM anomaly.SequenceScores WHERE ScanId = @ScanId;", new { ScanId = scanId });
        var outliers = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM anomaly.SequenceScores WHERE ScanId = @ScanId AND IsOutlier = 1;", new { ScanId = scanId });
        var trusted = await connection.ExecuteScalarAsync<bool>(
            "SELECT CAST(1 - is_not_trusted AS bit) FROM sys.foreign_keys WHERE name = N'FK_SequenceScores_Scans';");
        Assert.Equal(count, written);
        Assert.Equal(count / 1000, outliers);
        Assert.True(trusted);
    }

    [SqlServerFact]
    public async Task InsertReturningId_KeepsMilliseconds()
    {
        await using var connection = await PrepareAsync();
        var startedAt = new DateTime(2025, 3, 4, 5, 6, 7, 5, DateTimeKind.Utc);

        var scanId = await _provider.InsertReturningIdAsync(
            connection, null, _provider.ObjectName("Scans"), "ScanId", ["SourceTable", "KeyColumn", "ValueColumn", "StartedAt", "Status"],
            new { SourceTable = "Sales.Parts", KeyColumn = "PartId", ValueColumn = "Serial", StartedAt = startedAt, Status = "Running" },
            default);

        var stored = await connection.ExecuteScalarAsync<DateTime>("SELECT StartedAt FROM anomaly.Scans WHERE ScanId = @ScanId;", new { ScanId = scanId });
        Assert.Equal(startedAt, DateTime.SpecifyKind(stored, DateTimeKind.Utc));
    }

    private async Task<long> RunScanAsync(SqlConnection connection, IEnumerable<ScoreRow> scores, bool commit)
    {
        var scanId = await _provider.InsertReturningIdAsync(
            connection, null, _provider.ObjectName("Scans"), "ScanId", ["SourceTable", "KeyColumn", "ValueColumn", "StartedAt", "Status"],
            new { SourceTable = "Sales.Parts", KeyColumn = "PartId", ValueColumn = "Serial", StartedAt = DateTime.UtcNow, Status = "Running" },
            default);

        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync();
        await _provider.WriteScoresAsync(connection, transaction, scanId, scores, default);
        await connection.ExecuteAsync(
            "UPDATE anomaly.Scans SET Status = N'Succeeded', FinishedAt = SYSUTCDATETIME() WHERE ScanId = @ScanId;",
            new { ScanId = scanId },
            transaction);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return scanId;
    }

    private async Task<SqlConnection> PrepareAsync()
    {
        _provider.Migrate(database.ConnectionString, _ => { });
        var connection = await database.OpenAsync();
        await connection.ExecuteAsync("""
            IF SCHEMA_ID(N'Sales') IS NULL EXEC (N'CREATE SCHEMA Sales;');
            IF OBJECT_ID(N'Sales.Parts') IS NULL
                CREATE TABLE Sales.Parts (PartId int NOT NULL PRIMARY KEY, Serial nvarchar(20) NULL, Photo varbinary(100) NULL);
            IF OBJECT_ID(N'dbo.Parts') IS NULL
                CREATE TABLE dbo.Parts (PartId int NOT NULL PRIMARY KEY, Serial nvarchar(20) NULL);
            """);
        return connection;
    }
}
