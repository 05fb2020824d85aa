using Dapper;
using Microsoft.Data.SqlClient;
using SeqAnomaly.Data;

namespace SeqAnomaly.SqlServer.Tests.Integration;

/// <summary>The shared store on a live SQL Server, from migration to the AnomalousSequences view.</summary>
public sealed class AnomalyStoreIntegrationTests(SqlServerDatabase database) : IClassFixture<SqlServerDatabase>
{
    [SqlServerFact]
    public async Task CompleteScan_OutlierAppearsInView()
    {
        var store = new AnomalyStore(new SqlServerProvider(), database.ConnectionString);
        store.Migrate(_ => { });
        Assert.Empty(store.Migrate(_ => { }));
        await using (var connection = new SqlConnection(database.ConnectionString))
        {
            await connection.ExecuteAsync("""
                CREATE TABLE dbo.Serials (Id uniqueidentifier NOT NULL PRIMARY KEY, Serial nvarchar(20) NULL);
                INSERT INTO dbo.Serials VALUES ('6F9619FF-8B86-D011-B42D-00C04FC964FF', N'AB121E'), (NEWID(), N'DN176'), (NEWID(), NULL);
                """);
        }

        var source = await store.ResolveSourceAsync("[dbo].[Serials]", "Id", "Serial");
        var rows = new List<SourceRow>();
        await foreach (var row in store.ReadAsync(source))
        {
            rows.Add(row);
        }

        var scanId = await store.StartScanAsync(source);
        var model = new ModelRow("serials", "dbo.Serials", "Serial", "classic", "{}", "{}", 2, 0.1, null, "max", 0.5, [1, 2], new string('0', 64));
        var modelId = await store.CompleteScanAsync(
            scanId,
            model,
            [new EpochRow(1, 0.2, 0.3)],
            [new ScoreRow("6F9619FF-8B86-D011-B42D-00C04FC964FF", "AB121E", 0.9, true, "rare")],
            new ScanCounts(3, 1, 2, 1, "max", 0.5));

        await using var reader = new SqlConnection(database.ConnectionString);
        var outlier = await reader.QuerySingleAsync<(long ScanId, string SourceTable, string RowKey, long ModelId)>(
            "SELECT ScanId, SourceTable, RowKey, ModelId FROM anomaly.AnomalousSequences;");
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, row => row.Key == "6F9619FF-8B86-D011-B42D-00C04FC964FF" && row.Value == "AB121E");
        Assert.Equal(scanId, outlier.ScanId);
        Assert.Equal("dbo.Serials", outlier.SourceTable);
        Assert.Equal(modelId, outlier.ModelId);
        Assert.Equal(1, (await store.FindModelAsync("serials"))?.Version);
    }
}
