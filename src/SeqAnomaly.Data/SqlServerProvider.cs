using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.SqlClient;
using SeqAnomaly.Core;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.Data;

/// <summary>
/// SQL Server through Microsoft.Data.SqlClient: bracket quoting, the <c>anomaly</c> schema, DbUp
/// migrations and <see cref="SqlBulkCopy"/> for score writes. Every statement text is in
/// <see cref="SqlServerStatements"/>.
/// </summary>
public sealed partial class SqlServerProvider : DatabaseProvider
{
    /// <summary>Schema searched for a table named without one.</summary>
    public const string DefaultSchema = "dbo";

    /// <summary>Maximum length of a row key, the length of <c>SequenceScores.RowKey</c>.</summary>
    public const int MaxRowKeyLength = 450;

    private const string ScoreStagingTable = "#SequenceScoresStaging";
    private const int BulkCopyBatchSize = 50_000;

    /// <inheritdoc/>
    public override string Name => "sqlserver";

    /// <inheritdoc/>
    /// <remarks>
    /// SQL Server has no <c>LIMIT</c>, so the rows are limited with <c>OFFSET 0 ROWS FETCH NEXT n ROWS ONLY</c>,
    /// which needs the query's ORDER BY.
    /// </remarks>
    public override string LimitRows(string orderedQuery, int rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderedQuery);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        return $"{orderedQuery} OFFSET 0 ROWS FETCH NEXT {rows.ToString(CultureInfo.InvariantCulture)} ROWS ONLY";
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Returns a <see cref="DateTimeOffset"/> at offset zero. Dapper sends a <see cref="DateTime"/> as
    /// datetime, which rounds milliseconds to steps of 1/300 second. A datetimeoffset converts to the
    /// datetime2(3) columns exactly.
    /// </remarks>
    public override object TimestampValue(DateTime utc) => new DateTimeOffset((DateTime)base.TimestampValue(utc), TimeSpan.Zero);

    /// <summary>Application name set on the product's connections, unless the connection string names one.</summary>
    public const string ApplicationName = "seqanomaly";

    /// <inheritdoc/>
    /// <remarks>
    /// The connection carries <see cref="ApplicationName"/> and retries its opening on SqlClient's transient errors
    /// (<see cref="SqlServerRetry"/>). Commands are not retried, because a write could run twice.
    /// </remarks>
    public override DbConnection CreateConnection(string connectionString) =>
        new SqlConnection(WithApplicationName(connectionString)) { RetryLogicProvider = SqlServerRetry.OpenRetry };

    private static string WithApplicationName(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        if (!builder.ShouldSerialize("Application Name"))
        {
            builder.ApplicationName = ApplicationName;
        }

        return builder.ConnectionString;
    }

    /// <inheritdoc/>
    /// <remarks>Same result as T-SQL <c>QUOTENAME</c>: <c>a]b</c> becomes <c>[a]]b]</c>.</remarks>
    /// <exception cref="ArgumentException">The identifier is empty or longer than 128 characters.</exception>
    public override string QuoteIdentifier(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (identifier.Length > SqlServerNames.MaxIdentifierLength)
        {
            throw new ArgumentException(
                $"Identifier '{identifier}' is {identifier.Length} characters long; SQL Server allows at most "
                + $"{SqlServerNames.MaxIdentifierLength}.",
                nameof(identifier));
        }

        return "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The name is not a plain identifier.</exception>
    public override string ObjectName(string name)
    {
        SqlServerStatements.EnsurePlainIdentifier(name, nameof(name));
        return $"{SqlServerMigrations.Schema}.{name}";
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>CONVERT</c> without a style: uniqueidentifier, integer, decimal, date, datetime2 and xml
    /// columns convert to their usual text, but float keeps 6 significant digits and datetime keeps
    /// minutes only (style 0).
    /// </remarks>
    public override string TextOf(string quotedColumn)
    {
        ArgumentException.ThrowIfNullOrEmpty(quotedColumn);
        return $"CONVERT(nvarchar(max), {quotedColumn})";
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A script failed; it was rolled back, and the scripts after it did not run.</exception>
    public override IReadOnlyList<string> Migrate(string connectionString, Action<string> log)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(log);

        // DbUp reads the journal before it runs each script in its own transaction, so without this lock two
        // processes could both see a script as pending and run it twice.
        using var lockConnection = CreateConnection(connectionString);
        lockConnection.Open();
        lockConnection.Execute(SqlServerStatements.LockMigrations, commandTimeout: 0);
        try
        {
            return MigrationRunner.Run(
                SqlServerMigrations.CreateBuilder(WithApplicationName(connectionString)), SqlServerMigrations.Folder, log);
        }
        finally
        {
            lockConnection.Execute(SqlServerStatements.UnlockMigrations);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <paramref name="table"/> is a product table as <see cref="ObjectName"/> writes it, and each column
    /// gets the parameter of the same name. The row comes back through <c>OUTPUT INSERTED</c>.
    /// </remarks>
    public override async Task<long> InsertReturningIdAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        string idColumn,
        IReadOnlyList<string> columns,
        object parameters,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);

        var sql = SqlServerStatements.InsertReturningId(table, idColumn, columns);
        var command = new CommandDefinition(
            sql, SqlServerParameters.From(parameters), transaction, cancellationToken: cancellationToken);
        return await connection.ExecuteScalarAsync<long>(command).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The rows go by bulk copy into a session temporary table, then into <c>anomaly.SequenceScores</c>
    /// with one INSERT. A bulk copy straight into the product's table would skip its foreign key check,
    /// and SQL Server would then mark that constraint as not trusted.
    /// </remarks>
    /// <exception cref="InvalidInputException">A row key is longer than <see cref="MaxRowKeyLength"/> characters.</exception>
    public override async Task WriteScoresAsync(
        DbConnection connection,
        DbTransaction transaction,
        long scanId,
        IEnumerable<ScoreRow> scores,
        CancellationToken cancellationToken)
    {
        // NOTE: this path has not been run against a live SQL Server. The unit tests parse its statements
        // and read rows through the bulk copy's reader; only the SEQANOMALY_TEST_SQLSERVER suite runs it.
        var sqlConnection = connection as SqlConnection
            ?? throw new ArgumentException("The SQL Server provider needs a SqlConnection.", nameof(connection));
        var sqlTransaction = transaction as SqlTransaction
            ?? throw new ArgumentException("The SQL Server provider needs a SqlTransaction.", nameof(transaction));
        ArgumentNullException.ThrowIfNull(scores);

        await ExecuteAsync(sqlConnection, sqlTransaction, SqlServerStatements.CreateScoreStaging, null, cancellationToken)
            .ConfigureAwait(false);
        await BulkCopyAsync(sqlConnection, sqlTransaction, scores, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
                sqlConnection, sqlTransaction, SqlServerStatements.InsertScoresFromStaging, new { ScanId = scanId }, cancellationToken)
            .ConfigureAwait(false);
        await ExecuteAsync(sqlConnection, sqlTransaction, SqlServerStatements.DropScoreStaging, null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Returns <paramref name="scores"/> unchanged, raising at the first row key too long for the RowKey column.</summary>
    internal static IEnumerable<ScoreRow> CheckRowKeyLengths(IEnumerable<ScoreRow> scores)
    {
        foreach (var score in scores)
        {
            if (score.RowKey.Length > MaxRowKeyLength)
            {
                throw new InvalidInputException(
                    $"Row key '{score.RowKey[..40]}...' is {score.RowKey.Length} characters long, but SQL Server "
                    + $"stores row keys of at most {MaxRowKeyLength} characters; choose a shorter key column.");
            }

            yield return score;
        }
    }

    private static async Task BulkCopyAsync(
        SqlConnection connection, SqlTransaction transaction, IEnumerable<ScoreRow> scores, CancellationToken cancellationToken)
    {
        using var bulkCopy = new SqlBulkCopy(connection, SqlBulkCopyOptions.TableLock, transaction)
        {
            DestinationTableName = ScoreStagingTable,
            BatchSize = BulkCopyBatchSize,
            BulkCopyTimeout = 0,
        };
        foreach (var column in ScoreRowDataReader.ColumnNames)
        {
            bulkCopy.ColumnMappings.Add(column, column);
        }

        await using var reader = new ScoreRowDataReader(CheckRowKeyLengths(scores));
        await bulkCopy.WriteToServerAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> ExecuteAsync(
        SqlConnection connection, SqlTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            sql, parameters, transaction, commandTimeout: 0, commandType: CommandType.Text, cancellationToken: cancellationToken));
}
