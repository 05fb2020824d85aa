using System.Data.Common;
using Dapper;
using DbUp;
using Npgsql;
using NpgsqlTypes;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data;

/// <summary>
/// PostgreSQL through Npgsql: the product's objects live in schema <c>anomaly</c> with unquoted names, and scores
/// are written with binary <c>COPY</c>.
/// </summary>
public sealed class PostgresProvider : DatabaseProvider
{
    /// <summary>Application name set on the product's connections, unless the connection string names one.</summary>
    public const string ApplicationName = "seqanomaly";

    private const string Schema = "anomaly";

    // Taken for the whole of a migration run, so that two processes migrating the same database wait for each other.
    private const string MigrationLockSql = "SELECT pg_advisory_lock(hashtextextended('SeqAnomaly.Migrations', 0))";
    private const string MigrationUnlockSql = "SELECT pg_advisory_unlock(hashtextextended('SeqAnomaly.Migrations', 0))";

    /// <inheritdoc/>
    public override string Name => "postgres";

    /// <inheritdoc/>
    /// <summary>Retry of connection opening; Npgsql retries no command itself.</summary>
    public ConnectionRetry OpenRetry { get; init; } = ConnectionRetry.Default;

    /// <inheritdoc/>
    /// <remarks>
    /// The connection carries <see cref="ApplicationName"/>, so that a DBA finds the product's sessions in
    /// <c>pg_stat_activity</c>.
    /// </remarks>
    public override DbConnection CreateConnection(string connectionString) =>
        new NpgsqlConnection(WithApplicationName(connectionString));

    /// <inheritdoc/>
    /// <remarks>Retries what Npgsql marks transient: refused or broken sockets, a server starting or shutting down.</remarks>
    public override Task<DbConnection> OpenConnectionAsync(string connectionString, CancellationToken cancellationToken) =>
        OpenRetry.OpenAsync(
            () => CreateConnection(connectionString),
            error => error is NpgsqlException { IsTransient: true },
            cancellationToken);

    private static string WithApplicationName(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        return builder.ConnectionString;
    }

    /// <inheritdoc/>
    public override string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <inheritdoc/>
    public override string ObjectName(string name) => $"{Schema}.{name}";

    /// <inheritdoc/>
    public override string TextOf(string quotedColumn) => $"({quotedColumn})::text";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Migrate(string connectionString, Action<string> log)
    {
        // The journal's name is lower case, so that the unquoted anomaly.SchemaVersions finds it.
        var builder = DeployChanges.To
            .PostgresqlDatabase(WithApplicationName(connectionString), Schema)
            .JournalToPostgresqlTable(Schema, "schemaversions");

        // DbUp reads the journal before it runs each script in its own transaction, so without this lock two
        // processes could both see a script as pending and run it twice.
        using var lockConnection = OpenConnectionAsync(connectionString, CancellationToken.None).GetAwaiter().GetResult();
        lockConnection.Execute(MigrationLockSql);
        try
        {
            return MigrationRunner.Run(builder, "postgres", log);
        }
        finally
        {
            lockConnection.Execute(MigrationUnlockSql);
        }
    }

    /// <inheritdoc/>
    public override async Task<SourceColumn> ResolveSourceAsync(
        DbConnection connection, string table, string keyColumn, string valueColumn, CancellationToken cancellationToken)
    {
        var parts = SqlIdentifier.ParseDotted(table, "Table name");
        if (parts.Count > 2)
        {
            throw new InvalidInputException($"Table name '{table}' is invalid: expected 'table' or 'schema.table'.");
        }

        var candidates = (await connection.QueryAsync<TableCandidate>(new CommandDefinition(
            """
            SELECT n.nspname AS SchemaName, c.relname AS TableName,
                   array_position(current_schemas(false), n.nspname) AS SearchOrder
            FROM pg_catalog.pg_class AS c
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')
              AND lower(c.relname::text COLLATE "default") = lower(@table COLLATE "default")
            """,
            new { table = parts[^1].Name },
            cancellationToken: cancellationToken))).ToList();

        var (schemaName, tableName) = parts.Count == 2
            ? FindQualified(candidates, parts[0], parts[1], table)
            : FindInSearchPath(candidates, parts[0], table);

        var columns = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT a.attname
            FROM pg_catalog.pg_attribute AS a
            JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relname = @table AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """,
            new { schema = schemaName, table = tableName },
            cancellationToken: cancellationToken))).ToList();

        var key = ColumnResolver.Find(columns, keyColumn, tableName);
        var value = ColumnResolver.Find(columns, valueColumn, tableName);
        return new SourceColumn(
            schemaName,
            tableName,
            key,
            value,
            $"{QuoteIdentifier(schemaName)}.{QuoteIdentifier(tableName)}",
            QuoteIdentifier(key),
            QuoteIdentifier(value));
    }

    private static (string Schema, string Table) FindQualified(
        List<TableCandidate> candidates, SqlIdentifier schema, SqlIdentifier table, string typed)
    {
        var schemaName = schema.Match(candidates.Select(c => c.SchemaName), "Schema name");
        var tableName = schemaName is null
            ? null
            : table.Match(candidates.Where(c => c.SchemaName == schemaName).Select(c => c.TableName), "Table name");
        return tableName is null
            ? throw new InvalidInputException($"Table '{typed}' was not found.")
            : (schemaName!, tableName);
    }

    private static (string Schema, string Table) FindInSearchPath(
        List<TableCandidate> candidates, SqlIdentifier table, string typed)
    {
        // An unqualified name means the first schema of the search path that has the table, as in PostgreSQL itself.
        var inSearchPath = candidates
            .Where(c => c.SearchOrder is not null)
            .GroupBy(c => c.SearchOrder)
            .OrderBy(g => g.Key);
        foreach (var inSchema in inSearchPath)
        {
            var match = table.Match(inSchema.Select(c => c.TableName), "Table name");
            if (match is not null)
            {
                return (inSchema.First().SchemaName, match);
            }
        }

        var elsewhere = candidates
            .Where(c => c.SearchOrder is null && table.Match([c.TableName], "Table name") is not null)
            .OrderBy(c => c.SchemaName, StringComparer.Ordinal)
            .ToList();
        if (elsewhere.Count == 0)
        {
            throw new InvalidInputException($"Table '{typed}' was not found.");
        }

        var where = string.Join(", ", elsewhere.Select(c => $"'{c.SchemaName}.{c.TableName}'"));
        throw new InvalidInputException(
            $"Table '{typed}' was not found in the schemas of the search path. " +
            $"A table of that name exists outside it: write the name with its schema, as {where}.");
    }

    /// <inheritdoc/>
    /// <remarks>The COPY runs inside the connection's open transaction, so a rollback removes every row it wrote.</remarks>
    public override async Task WriteScoresAsync(
        DbConnection connection,
        DbTransaction transaction,
        long scanId,
        IEnumerable<ScoreRow> scores,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var npgsql = (NpgsqlConnection)connection;
        try
        {
            await CopyScoresAsync(npgsql, scanId, scores, cancellationToken);
        }
        catch (NpgsqlException error) when (npgsql.FullState.HasFlag(System.Data.ConnectionState.Broken)
            || npgsql.State == System.Data.ConnectionState.Closed)
        {
            // Npgsql reports a session ended by the server during COPY as a failed socket write, which names
            // neither the cause nor the consequence.
            throw new NpgsqlException(
                "The connection to PostgreSQL was lost while the scan's scores were being written, so none of them "
                + $"were committed. The server may have restarted or ended the session. {error.Message}",
                error);
        }
    }

    private async Task CopyScoresAsync(
        NpgsqlConnection npgsql, long scanId, IEnumerable<ScoreRow> scores, CancellationToken cancellationToken)
    {
        await using var importer = await npgsql.BeginBinaryImportAsync(
            $"COPY {ObjectName("SequenceScores")} (ScanId, RowKey, Value, Score, IsOutlier, Explanation) " +
            "FROM STDIN (FORMAT BINARY)",
            cancellationToken);

        // The server checks keys and builds the index when the COPY completes, which takes longer than the
        // command timeout for tens of millions of rows. Npgsql reads TimeSpan.Zero as no limit; cancellation
        // still stops the write.
        importer.Timeout = TimeSpan.Zero;

        foreach (var row in scores)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(scanId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.RowKey, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.Value, cancellationToken);
            await importer.WriteAsync(row.Score, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(row.IsOutlier, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(importer, row.Explanation, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(
        NpgsqlBinaryImporter importer, string? text, CancellationToken cancellationToken) =>
        text is null
            ? importer.WriteNullAsync(cancellationToken)
            : importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>Takes a transaction-scoped advisory lock on a hash of the name. A hash collision only makes two names wait.</remarks>
    public override Task LockModelNameAsync(
        DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('SeqAnomaly.Models:' || @Name, 0))",
            new { Name = name },
            transaction,
            cancellationToken: cancellationToken));

    private sealed record TableCandidate(string SchemaName, string TableName, int? SearchOrder);
}
