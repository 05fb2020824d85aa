namespace SeqAnomaly.Data.Tests;

public sealed class MigrationTests
{
    private static readonly string[] Tables = ["Models", "TrainingHistory", "Scans", "SequenceScores", "ScanRequests"];

    private static readonly string[] Views = ["AnomalousSequences", "ScanSummary", "LatestScores", "ScanQueue", "ModelHistory"];

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrate_SecondRun_AppliesNothing(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);

        var first = database.Store.Migrate(_ => { });
        var journalAfterFirst = await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("SchemaVersions")}");
        var second = database.Store.Migrate(_ => { });
        var journalAfterSecond = await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("SchemaVersions")}");

        Assert.Equal(ScriptFilesOnDisk(engine), first.Count);
        Assert.All(first, name => Assert.StartsWith($"SeqAnomaly.Migrations.{engine}.", name));
        Assert.Empty(second);
        Assert.Equal(first.Count, journalAfterFirst);
        Assert.Equal(journalAfterFirst, journalAfterSecond);
    }

    private static int ScriptFilesOnDisk(string engine)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SeqAnomaly.Db.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Directory.GetFiles(Path.Combine(folder.FullName, "migrations", engine), "*.sql").Length;
    }

    [Fact]
    public async Task Migrate_BothEngines_SameColumnsInEveryObject()
    {
        await using var sqlite = await TestDatabase.CreateMigratedAsync("sqlite");
        await using var postgres = await TestDatabase.CreateMigratedAsync("postgres");

        foreach (var name in Tables.Concat(Views))
        {
            var sqliteColumns = await SqliteColumnsAsync(sqlite, name);
            var postgresColumns = await PostgresColumnsAsync(postgres, name);

            Assert.NotEmpty(sqliteColumns);
            // PostgreSQL folds the unquoted names to lower case.
            Assert.Equal(sqliteColumns.Select(c => c.ToLowerInvariant()), postgresColumns);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrate_Views_HaveContractColumns(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);

        var anomalous = await ColumnsAsync(database, "AnomalousSequences");
        var summary = await ColumnsAsync(database, "ScanSummary");

        Assert.Equal(
            ["ScanId", "SourceTable", "SourceColumn", "RowKey", "Value", "Score", "Threshold", "IsOutlier",
                "Explanation", "ModelId", "ScannedAt"],
            anomalous,
            StringComparer.OrdinalIgnoreCase);
        Assert.Equal(
            ["ScanId", "SourceTable", "SourceColumn", "KeyColumn", "Status", "StartedAt", "FinishedAt",
                "DurationSeconds", "RowsRead", "NullsSkipped", "RowsScored", "Outliers", "ThresholdRule", "Threshold",
                "ModelId", "ErrorMessage"],
            summary,
            StringComparer.OrdinalIgnoreCase);
    }

    private static Task<List<string>> ColumnsAsync(TestDatabase database, string name) =>
        database.IsPostgres ? PostgresColumnsAsync(database, name) : SqliteColumnsAsync(database, name);

    private static Task<List<string>> SqliteColumnsAsync(TestDatabase database, string name) =>
        database.QueryAsync<string>("SELECT name FROM pragma_table_info(@name) ORDER BY cid", new { name });

    private static Task<List<string>> PostgresColumnsAsync(TestDatabase database, string name) =>
        database.QueryAsync<string>(
            """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'anomaly' AND table_name = lower(@name)
            ORDER BY ordinal_position
            """,
            new { name });
}
