using System.Reflection;
using DbUp;
using DbUp.Engine;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>The embedded <c>migrations/sqlserver</c> scripts and the DbUp engine that applies them.</summary>
internal static class SqlServerMigrations
{
    /// <summary>Schema of the product's objects and of the DbUp journal table.</summary>
    public const string Schema = "anomaly";

    /// <summary>Journal table, in <see cref="Schema"/>.</summary>
    public const string JournalTable = "SchemaVersions";

    /// <summary>Prefix of every script name as journaled.</summary>
    public const string ScriptNamePrefix = "SeqAnomaly.Migrations.sqlserver.";

    private const string ResourceFolder = "SeqAnomaly.Migrations.sqlserver";

    /// <summary>
    /// Reads the embedded scripts of the <c>sqlserver</c> folder in name order. Each is named
    /// <c>SeqAnomaly.Migrations.sqlserver.NNNN_Name.sql</c> whichever separator the build put after the
    /// folder, because DbUp journals scripts by name and a changed name would run the script again.
    /// </summary>
    public static IReadOnlyList<SqlScript> LoadScripts()
    {
        var assembly = typeof(SqlServerMigrations).Assembly;
        var scripts = new List<SqlScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var fileName = ScriptFileName(resource);
            if (fileName is not null)
            {
                scripts.Add(new SqlScript(ScriptNamePrefix + fileName, ReadResource(assembly, resource)));
            }
        }

        return [.. scripts.OrderBy(script => script.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Builds the engine: the scripts above, journal <c>anomaly.SchemaVersions</c>, one transaction
    /// per script and <c>$name$</c> variables off. Building it opens no connection.
    /// </summary>
    public static UpgradeEngine CreateEngine(string connectionString, Action<string> log) =>
        DeployChanges.To
            .SqlDatabase(connectionString, Schema)
            .JournalToSqlTable(Schema, JournalTable)
            .WithScripts(LoadScripts())
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .LogTo(new ActionUpgradeLog(log))
            .Build();

    /// <summary>Returns the script file name of a resource in the sqlserver folder, or null for any other resource.</summary>
    internal static string? ScriptFileName(string resourceName)
    {
        if (!resourceName.StartsWith(ResourceFolder, StringComparison.Ordinal)
            || resourceName.Length <= ResourceFolder.Length + 1
            || resourceName[ResourceFolder.Length] is not ('.' or '/' or '\\'))
        {
            return null;
        }

        var fileName = resourceName[(ResourceFolder.Length + 1)..];
        var isPlainFile = fileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
            && fileName.IndexOfAny(['/', '\\']) < 0;
        return isPlainFile ? fileName : null;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
