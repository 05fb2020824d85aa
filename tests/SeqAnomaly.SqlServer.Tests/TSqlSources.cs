using System.Reflection;
using SeqAnomaly.Data.Queue;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests;

/// <summary>
/// Every T-SQL text the product ships or sends to SQL Server, by kind and name: the embedded
/// migrations, the provider's statements and the scripts under <c>sql/</c>.
/// </summary>
internal static class TSqlSources
{
    public const string Migration = "migration";
    public const string Statement = "statement";
    public const string Script = "script";

    /// <summary>Prefix of the embedded SQL Server migrations, before the build's folder separator.</summary>
    public const string MigrationResourcePrefix = "SeqAnomaly.Migrations.sqlserver";

    /// <summary>All sources as (kind, name) pairs, the form xunit can show as one case each.</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in MigrationResources().Keys)
        {
            data.Add(Migration, name);
        }

        foreach (var name in Statements().Keys)
        {
            data.Add(Statement, name);
        }

        foreach (var name in Scripts().Keys)
        {
            data.Add(Script, name);
        }

        return data;
    }

    /// <summary>Returns the text of one source.</summary>
    public static string Text(string kind, string name) => kind switch
    {
        Migration => MigrationResources()[name],
        Statement => Statements()[name],
        Script => Scripts()[name],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of T-SQL source."),
    };

    /// <summary>
    /// Embedded migration scripts of the sqlserver folder by file name, read straight from the
    /// assembly's resources.
    /// </summary>
    public static SortedDictionary<string, string> MigrationResources()
    {
        var assembly = typeof(SqlServerMigrations).Assembly;
        var scripts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(IsSqlServerMigration))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(resource[(MigrationResourcePrefix.Length + 1)..], reader.ReadToEnd());
        }

        return scripts;
    }

    /// <summary>
    /// Every statement of <see cref="SqlServerStatements"/>: each string constant, found by reflection,
    /// and each statement built by a method, with the product's own tables and columns.
    /// </summary>
    public static SortedDictionary<string, string> Statements()
    {
        var statements = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in StatementConstants())
        {
            statements.Add(field.Name, (string)field.GetRawConstantValue()!);
        }

        foreach (var field in QueueConstants())
        {
            statements.Add($"{nameof(SqlServerScanQueue)}.{field.Name}", (string)field.GetRawConstantValue()!);
        }

        foreach (var (name, text) in BuiltStatements())
        {
            statements.Add(name, text);
        }

        return statements;
    }

    /// <summary>String constants of <see cref="SqlServerStatements"/>, public or not.</summary>
    public static IEnumerable<FieldInfo> StatementConstants() =>
        typeof(SqlServerStatements)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string));

    /// <summary>String constants of <see cref="SqlServerScanQueue"/>: the scan queue's claim and expiry statements.</summary>
    public static IEnumerable<FieldInfo> QueueConstants() =>
        typeof(SqlServerScanQueue)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string));

    /// <summary>Names of the statement-building methods that <see cref="BuiltStatements"/> covers.</summary>
    public static IReadOnlySet<string> BuiltStatementMethods { get; } =
        new HashSet<string>([nameof(SqlServerStatements.InsertReturningId)]);

    /// <summary>
    /// Statements built the way the product builds them: one insert per product table that gets an
    /// identity, and a query limited by the provider.
    /// </summary>
    public static IEnumerable<(string Name, string Text)> BuiltStatements()
    {
        var provider = new Data.SqlServerProvider();
        yield return (
            "InsertReturningId(Models)",
            SqlServerStatements.InsertReturningId(provider.ObjectName("Models"), "ModelId", ProductColumns.ModelInsert));
        yield return (
            "InsertReturningId(Scans)",
            SqlServerStatements.InsertReturningId(provider.ObjectName("Scans"), "ScanId", ProductColumns.ScanInsert));
        yield return (
            "LimitRows(latest model)",
            provider.LimitRows($"SELECT ModelId FROM {provider.ObjectName("Models")} WHERE Name = @Name ORDER BY Version DESC", 1));
    }

    /// <summary>
    /// Every T-SQL file under the repository's <c>sql/</c> folder, by relative path; files named
    /// <c>*.postgres.sql</c> are PostgreSQL scripts and are left out.
    /// </summary>
    public static SortedDictionary<string, string> Scripts()
    {
        var folder = Path.Combine(RepositoryRoot(), "sql");
        var scripts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql", SearchOption.AllDirectories))
        {
            if (path.EndsWith(".postgres.sql", StringComparison.Ordinal))
            {
                continue;
            }

            scripts.Add(Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText(path));
        }

        return scripts;
    }

    /// <summary>Returns the folder that contains SeqAnomaly.Db.sln, searched upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SeqAnomaly.Db.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains SeqAnomaly.Db.sln.");
    }

    private static bool IsSqlServerMigration(string resource) =>
        resource.StartsWith(MigrationResourcePrefix, StringComparison.Ordinal)
        && resource.Length > MigrationResourcePrefix.Length
        && resource[MigrationResourcePrefix.Length] is '.' or '/' or '\\';
}
