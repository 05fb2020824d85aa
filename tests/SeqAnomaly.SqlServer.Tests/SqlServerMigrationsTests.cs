using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests;

public sealed class SqlServerMigrationsTests
{
    private static readonly string[] ExpectedFiles =
    [
        "0000_CreateSchema.sql",
        "0001_CreateModels.sql",
        "0002_CreateTrainingHistory.sql",
        "0003_CreateScans.sql",
        "0004_CreateSequenceScores.sql",
        "0005_CreateAnomalousSequences.sql",
        "0006_CreateScanSummary.sql",
    ];

    [Fact]
    public void LoadScripts_NamesScriptsWithDotsInOrder()
    {
        var names = SqlServerMigrations.LoadScripts().Select(script => script.Name);

        Assert.Equal(ExpectedFiles.Select(file => "SeqAnomaly.Migrations.sqlserver." + file), names);
    }

    [Fact]
    public void LoadScripts_MatchesFolderOnDisk()
    {
        var folder = Path.Combine(TSqlSources.RepositoryRoot(), "migrations", "sqlserver");
        var onDisk = Directory.EnumerateFiles(folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        var embedded = SqlServerMigrations.LoadScripts().Select(script => script.Name[SqlServerMigrations.ScriptNamePrefix.Length..]);

        Assert.Equal(onDisk, embedded);
    }

    [Fact]
    public void LoadScripts_ContentsMatchResources()
    {
        var resources = TSqlSources.MigrationResources();

        foreach (var script in SqlServerMigrations.LoadScripts())
        {
            Assert.Equal(resources[script.Name[SqlServerMigrations.ScriptNamePrefix.Length..]], script.Contents);
        }
    }

    [Theory]
    [InlineData("SeqAnomaly.Migrations.sqlserver.0001_CreateModels.sql", "0001_CreateModels.sql")]
    [InlineData("SeqAnomaly.Migrations.sqlserver/0001_CreateModels.sql", "0001_CreateModels.sql")]
    [InlineData("SeqAnomaly.Migrations.sqlserver\\0001_CreateModels.sql", "0001_CreateModels.sql")]
    [InlineData("SeqAnomaly.Migrations.postgres.0001_CreateModels.sql", null)]
    [InlineData("SeqAnomaly.Migrations.sqlserverx.0001_CreateModels.sql", null)]
    [InlineData("SeqAnomaly.Migrations.sqlserver/old/0001_CreateModels.sql", null)]
    [InlineData("SeqAnomaly.Migrations.sqlserver.readme.txt", null)]
    public void ScriptFileName_AcceptsAnySeparator(string resource, string? expected)
    {
        Assert.Equal(expected, SqlServerMigrations.ScriptFileName(resource));
    }

    [Fact]
    public void Scripts_AreNumberedWithoutGaps()
    {
        var numbers = SqlServerMigrations.LoadScripts()
            .Select(script => int.Parse(script.Name.AsSpan(SqlServerMigrations.ScriptNamePrefix.Length, 4), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
    }
}
