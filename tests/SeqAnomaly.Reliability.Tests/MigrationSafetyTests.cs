using DbUp;
using DbUp.Builder;
using SeqAnomaly.Data;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>Two migrators racing on a fresh database, and a migration script that fails halfway.</summary>
public sealed class MigrationSafetyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrate_TwoMigratorsAtOnce_EachScriptRunsOnce(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        using var start = new Barrier(2);
        IReadOnlyList<string> MigrateAfterBarrier()
        {
            start.SignalAndWait();
            return database.Provider.Migrate(database.ConnectionString, _ => { });
        }

        var runs = await Task.WhenAll(Task.Run(MigrateAfterBarrier), Task.Run(MigrateAfterBarrier));
        var journal = await database.QueryAsync<string>($"SELECT ScriptName FROM {Journal(database)} ORDER BY ScriptName");

        // One migrator applied every script; the other waited and then found nothing left to apply.
        Assert.Contains(runs, run => run.Count == 0);
        Assert.Equal(runs.Single(run => run.Count > 0).Order(StringComparer.Ordinal), journal);
        Assert.Equal(journal.Distinct().Count(), journal.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Migrate_ScriptFails_ScriptIsRolledBack(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        var applied = await database.QueryAsync<string>($"SELECT ScriptName FROM {Journal(database)} ORDER BY ScriptName");
        var folder = database.IsPostgres ? "postgres" : "sqlite";
        var failing = $"{MigrationRunner.ResourcePrefix}{folder}.9999_Failing.sql";
        var builder = Builder(database).WithScript(failing, $"CREATE TABLE {database.Object("HalfDone")} (Id integer); SELECT * FROM NoSuchTable;");

        var error = Assert.Throws<InvalidOperationException>(
            () => MigrationRunner.Run(builder, folder, _ => { }, singleTransaction: !database.IsPostgres));
        var tables = await database.QueryAsync<long>(database.IsPostgres
            ? "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = 'halfdone'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE name = 'HalfDone'");

        Assert.Contains("9999_Failing.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back", error.Message, StringComparison.Ordinal);
        Assert.Equal([0L], tables);
        Assert.Equal(applied, await database.QueryAsync<string>($"SELECT ScriptName FROM {Journal(database)} ORDER BY ScriptName"));
    }

    private static string Journal(TestDatabase database) => database.IsPostgres ? "anomaly.schemaversions" : "SchemaVersions";

    // The same engine set-up as the providers' own Migrate, so that the failing script goes through the product's runner.
    private static UpgradeEngineBuilder Builder(TestDatabase database) => database.IsPostgres
        ? DeployChanges.To.PostgresqlDatabase(database.ConnectionString, "anomaly").JournalToPostgresqlTable("anomaly", "schemaversions")
        : DeployChanges.To.SqliteDatabase(database.ConnectionString).JournalToSqliteTable("SchemaVersions");
}
