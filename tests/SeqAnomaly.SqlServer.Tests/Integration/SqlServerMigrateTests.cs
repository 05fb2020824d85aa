using Dapper;
using SeqAnomaly.Data;

namespace SeqAnomaly.SqlServer.Tests.Integration;

public sealed class SqlServerMigrateTests(SqlServerDatabase database) : IClassFixture<SqlServerDatabase>
{
    [SqlServerFact]
    public async Task Migrate_Twice_SecondRunAppliesNothing()
    {
        var provider = new SqlServerProvider();
        var log = new List<string>();

        var first = provider.Migrate(database.ConnectionString, log.Add);
        var second = provider.Migrate(database.ConnectionString, log.Add);

        Assert.Equal(7, first.Count);
        Assert.Equal("SeqAnomaly.Migrations.sqlserver.0000_CreateSchema.sql", first[0]);
        Assert.Empty(second);
        Assert.NotEmpty(log);

        await using var connection = await database.OpenAsync();
        var journaled = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM anomaly.SchemaVersions;");
        var objects = (await connection.QueryAsync<string>(
            "SELECT o.name FROM sys.objects AS o WHERE o.schema_id = SCHEMA_ID(N'anomaly') AND o.type IN ('U', 'V') ORDER BY o.name;")).ToList();
        Assert.Equal(7, journaled);
        Assert.Equal(
            ["AnomalousSequences", "Models", "ScanSummary", "Scans", "SchemaVersions", "SequenceScores", "TrainingHistory"],
            objects);
    }
}
