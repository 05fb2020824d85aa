using System.Data.Common;
using Dapper;
using SeqAnomaly.Core;
using SeqAnomaly.Data.Queue;

namespace SeqAnomaly.Data;

/// <summary>
/// What differs between database engines: connections, identifier quoting, catalog lookups, the
/// product's schema, migrations, text conversion, identity retrieval, the bulk score write and the
/// row-locking claim. Everything else is shared code in <see cref="AnomalyStore"/>.
/// </summary>
public abstract class DatabaseProvider
{
    /// <summary>Names accepted by <c>--provider</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sqlserver", "postgres", "sqlite"];

    /// <summary>Name given to <c>--provider</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Returns the provider named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidInputException">No provider has that name.</exception>
    public static DatabaseProvider FromName(string name) => name switch
    {
        "sqlite" => new SqliteProvider(),
        "postgres" => new PostgresProvider(),
        "sqlserver" => new SqlServerProvider(),
        _ => throw InvalidInputException.InvalidOption("--provider", name, string.Join(", ", Names)),
    };

    /// <summary>Creates an unopened connection.</summary>
    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>
    /// Creates and opens a connection. The default makes one attempt; a provider whose driver reports transient
    /// errors retries them with bounded backoff.
    /// </summary>
    public virtual Task<DbConnection> OpenConnectionAsync(string connectionString, CancellationToken cancellationToken) =>
        ConnectionRetry.None.OpenAsync(() => CreateConnection(connectionString), _ => false, cancellationToken);

    /// <summary>Quotes one identifier part, escaping the quote character inside it.</summary>
    public abstract string QuoteIdentifier(string identifier);

    /// <summary>Name of one of the product's own tables or views as written in SQL, such as <c>anomaly.Scans</c>.</summary>
    public abstract string ObjectName(string name);

    /// <summary>SQL expression for the text form of a quoted column of any type.</summary>
    public abstract string TextOf(string quotedColumn);

    /// <summary>
    /// Returns the expression by which the uniqueness check groups keys. By default it is the key itself, because
    /// in a column of one declared type each value has one text form.
    /// </summary>
    public virtual string KeyForUniqueness(string quotedKey) => quotedKey;

    /// <summary>
    /// Limits an ordered query to its first <paramref name="rows"/> rows. The default appends <c>LIMIT</c>, which
    /// PostgreSQL and SQLite accept; SQL Server needs <c>OFFSET 0 ROWS FETCH NEXT n ROWS ONLY</c> instead.
    /// </summary>
    /// <param name="orderedQuery">A SELECT that ends with its ORDER BY clause.</param>
    /// <param name="rows">Maximum number of rows to return.</param>
    public virtual string LimitRows(string orderedQuery, int rows) =>
        $"{orderedQuery} LIMIT {rows.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Converts a UTC time to the parameter value the engine stores for the product's timestamp columns,
    /// rounded down to whole milliseconds. The default passes a <see cref="DateTime"/> of kind UTC.
    /// </summary>
    public virtual object TimestampValue(DateTime utc) =>
        new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>Applies the provider's embedded migrations that have not run yet; returns the names of those applied.</summary>
    public abstract IReadOnlyList<string> Migrate(string connectionString, Action<string> log);

    /// <summary>
    /// Finds the table and both columns in the catalog, accepting <c>table</c> or <c>schema.table</c>,
    /// and returns them quoted.
    /// </summary>
    /// <exception cref="InvalidInputException">The table or a column does not exist, or a name is ambiguous.</exception>
    public abstract Task<SourceColumn> ResolveSourceAsync(
        DbConnection connection, string table, string keyColumn, string valueColumn, CancellationToken cancellationToken);

    /// <summary>Inserts one row and returns its identity value, inside <paramref name="transaction"/>.</summary>
    /// <remarks>The default uses <c>INSERT ... RETURNING</c>, which PostgreSQL and SQLite share.</remarks>
    public virtual async Task<long> InsertReturningIdAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        string idColumn,
        IReadOnlyList<string> columns,
        object parameters,
        CancellationToken cancellationToken)
    {
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) RETURNING {idColumn}";
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Writes a scan's scores with the engine's bulk path, inside <paramref name="transaction"/>.</summary>
    public abstract Task WriteScoresAsync(
        DbConnection connection,
        DbTransaction transaction,
        long scanId,
        IEnumerable<ScoreRow> scores,
        CancellationToken cancellationToken);

    /// <summary>Returns the scan-request queue of the database at <paramref name="connectionString"/>.</summary>
    public virtual ScanQueue CreateScanQueue(string connectionString) => ScanQueue.Create(this, connectionString);

    /// <summary>
    /// Makes model saves of the same name wait for each other until <paramref name="transaction"/> ends, so that
    /// concurrent scans get consecutive versions. The default does nothing, which suits engines whose write
    /// transactions already exclude each other, as SQLite's do.
    /// </summary>
    public virtual Task LockModelNameAsync(
        DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
