using System.Text.RegularExpressions;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>
/// Every SQL statement that <see cref="SqlServerProvider"/> sends. The tests parse each constant here
/// and each statement built by a method here with the T-SQL parser, so statements live nowhere else.
/// </summary>
internal static partial class SqlServerStatements
{
    /// <summary>Finds a table or view by schema and name, compared in the database's collation.</summary>
    public const string FindTable = """
        SELECT o.object_id AS ObjectId, s.name AS SchemaName, o.name AS TableName
        FROM sys.objects AS o
        JOIN sys.schemas AS s ON s.schema_id = o.schema_id
        WHERE o.type IN ('U', 'V')
          AND s.name = @Schema
          AND o.name = @Table;
        """;

    /// <summary>
    /// Takes the session's exclusive lock on the product's migrations, waiting at most five minutes, so that two
    /// processes migrating one database run one after the other. Raises an error when the lock is not granted.
    /// </summary>
    public const string LockMigrations = """
        DECLARE @Result int;
        EXEC @Result = sys.sp_getapplock @Resource = N'SeqAnomaly.Migrations', @LockMode = N'Exclusive',
            @LockOwner = N'Session', @LockTimeout = 300000;
        IF @Result < 0
            THROW 50010, N'The migration lock SeqAnomaly.Migrations was not granted within five minutes.', 1;
        """;

    /// <summary>Releases the lock <see cref="LockMigrations"/> took.</summary>
    public const string UnlockMigrations = """
        EXEC sys.sp_releaseapplock @Resource = N'SeqAnomaly.Migrations', @LockOwner = N'Session';
        """;

    /// <summary>Lists the first tables and views of a schema, for the message when a table is not found.</summary>
    public const string ListTables = """
        SELECT TOP (50) o.name
        FROM sys.objects AS o
        JOIN sys.schemas AS s ON s.schema_id = o.schema_id
        WHERE o.type IN ('U', 'V')
          AND s.name = @Schema
        ORDER BY o.name;
        """;

    /// <summary>
    /// Lists the columns of a table or view with their types, and flags the requested key and value
    /// columns. The names are compared in SQL so that the comparison follows the database's collation.
    /// </summary>
    public const string ListColumns = """
        SELECT
            c.name AS ColumnName,
            TYPE_NAME(c.user_type_id) AS TypeName,
            TYPE_NAME(c.system_type_id) AS BaseTypeName,
            CAST(CASE WHEN c.name = @KeyColumn THEN 1 ELSE 0 END AS bit) AS IsKey,
            CAST(CASE WHEN c.name = @ValueColumn THEN 1 ELSE 0 END AS bit) AS IsValue
        FROM sys.columns AS c
        WHERE c.object_id = @ObjectId
        ORDER BY c.column_id;
        """;

    /// <summary>
    /// Creates the session's staging table for a bulk score write. It drops a table left by an earlier
    /// write on the same connection first. Text columns take the database's collation, not tempdb's.
    /// </summary>
    public const string CreateScoreStaging = """
        DROP TABLE IF EXISTS #SequenceScoresStaging;
        CREATE TABLE #SequenceScoresStaging
        (
            RowKey      nvarchar(450) COLLATE DATABASE_DEFAULT NOT NULL,
            Value       nvarchar(max) COLLATE DATABASE_DEFAULT NULL,
            Score       float NOT NULL,
            IsOutlier   bit NOT NULL,
            Explanation nvarchar(max) COLLATE DATABASE_DEFAULT NULL
        );
        """;

    /// <summary>Copies the staged scores into the product's table under one scan id, in one statement.</summary>
    public const string InsertScoresFromStaging = """
        INSERT INTO anomaly.SequenceScores (ScanId, RowKey, Value, Score, IsOutlier, Explanation)
        SELECT @ScanId, RowKey, Value, Score, IsOutlier, Explanation
        FROM #SequenceScoresStaging;
        """;

    /// <summary>Drops the staging table once its rows are copied.</summary>
    public const string DropScoreStaging = "DROP TABLE #SequenceScoresStaging;";

    /// <summary>
    /// Builds an insert of one row that returns the new identity value. Every column gets a parameter
    /// of the same name.
    /// </summary>
    /// <param name="objectName">Product table as written in SQL, such as <c>anomaly.Scans</c>.</param>
    /// <param name="idColumn">Identity column, unquoted.</param>
    /// <param name="columns">Inserted columns, unquoted.</param>
    /// <exception cref="ArgumentException">A column name is not a plain identifier.</exception>
    public static string InsertReturningId(string objectName, string idColumn, IReadOnlyList<string> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectName);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("An insert needs at least one column.", nameof(columns));
        }

        EnsurePlainIdentifier(idColumn, nameof(idColumn));
        foreach (var column in columns)
        {
            EnsurePlainIdentifier(column, nameof(columns));
        }

        var columnList = string.Join(", ", columns.Select(column => $"[{column}]"));
        var parameterList = string.Join(", ", columns.Select(column => $"@{column}"));
        return $"INSERT INTO {objectName} ({columnList}) OUTPUT INSERTED.[{idColumn}] VALUES ({parameterList});";
    }

    /// <summary>
    /// Throws unless <paramref name="name"/> is a plain identifier (a letter or underscore, then letters,
    /// digits or underscores), so that it can stand as a parameter name and needs no escaping.
    /// </summary>
    public static void EnsurePlainIdentifier(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!PlainIdentifier().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a plain identifier: expected a letter or underscore, then letters, digits or underscores.",
                parameterName);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();
}
