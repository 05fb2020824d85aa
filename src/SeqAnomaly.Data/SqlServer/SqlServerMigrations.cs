using DbUp;
using DbUp.Builder;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>Where the SQL Server migrations live and where DbUp journals them.</summary>
internal static class SqlServerMigrations
{
    /// <summary>Schema of the product's objects and of the DbUp journal table.</summary>
    public const string Schema = "anomaly";

    /// <summary>Journal table, in <see cref="Schema"/>.</summary>
    public const string JournalTable = "SchemaVersions";

    /// <summary>Folder under <c>migrations/</c> that contains the T-SQL scripts.</summary>
    public const string Folder = "sqlserver";

    /// <summary>
    /// Creates the engine builder for the database: journal <c>anomaly.SchemaVersions</c>, and the
    /// <c>anomaly</c> schema created before the journal if missing. Building it opens no connection.
    /// </summary>
    public static UpgradeEngineBuilder CreateBuilder(string connectionString) =>
        DeployChanges.To
            .SqlDatabase(connectionString, Schema)
            .JournalToSqlTable(Schema, JournalTable);
}
