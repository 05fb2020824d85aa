using System.Data.Common;
using System.Globalization;
using Dapper;
using DbUp;
using Microsoft.Data.Sqlite;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: the product's objects have bare names, timestamps are UTC text, and
/// scores are written by prepared multi-row INSERTs.
/// </summary>
public sealed class SqliteProvider : DatabaseProvider
{
    /// <summary>Format of the product's timestamp columns; it sorts in time order and <c>julianday()</c> reads it.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";

    /// <inheritdoc/>
    public override string Name => "sqlite";

    /// <inheritdoc/>
    /// <remarks>Foreign keys are switched on, because SQLite leaves them off unless each connection enables them.</remarks>
    public override DbConnection CreateConnection(string connectionString) =>
        new SqliteConnection(WithForeignKeys(connectionString));

    private static string WithForeignKeys(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString();

    /// <inheritdoc/>
    public override string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <inheritdoc/>
    public override string ObjectName(string name) => name;

    /// <inheritdoc/>
    public override string TextOf(string quotedColumn) => $"CAST({quotedColumn} AS TEXT)";

    /// <inheritdoc/>
    /// <remarks>
    /// A SQLite column may hold the integer 7 and the text '7' in different rows. Both are stored as score key
    /// '7', so keys are grouped by their text form.
    /// </remarks>
    public override string KeyForUniqueness(string quotedKey) => TextOf(quotedKey);

    /// <inheritdoc/>
    public override object TimestampValue(DateTime utc) =>
        ((DateTime)base.TimestampValue(utc)).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    /// <remarks>A failed script rolls back every script of the same run, not only itself.</remarks>
    public override IReadOnlyList<string> Migrate(string connectionString, Action<string> log)
    {
        var builder = DeployChanges.To
            .SqliteDatabase(WithForeignKeys(connectionString))
            .JournalToSqliteTable("SchemaVersions");

        // Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, so one transaction around the journal check
        // and the scripts makes a second process wait until the first has finished, instead of running a script twice.
        return MigrationRunner.Run(builder, "sqlite", log, singleTransaction: true);
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

        // SQLite's schemas are its attached databases; the product reads tables of the main database only.
        if (parts.Count == 2 && !string.Equals(parts[0].Name, "main", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException(
                $"Table '{table}' was not found: SQLite tables are read from schema 'main' only. " +
                "Write the table name without a schema.");
        }

        var tableName = await FindTableAsync(connection, parts[^1], table, cancellationToken);
        var columns = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM pragma_table_info(@table) ORDER BY cid",
            new { table = tableName },
            cancellationToken: cancellationToken))).ToList();

        var key = ColumnResolver.Find(columns, keyColumn, tableName);
        var value = ColumnResolver.Find(columns, valueColumn, tableName);
        return new SourceColumn(
            Schema: null, tableName, key, value, QuoteIdentifier(tableName), QuoteIdentifier(key), QuoteIdentifier(value));
    }

    private static async Task<string> FindTableAsync(
        DbConnection connection, SqlIdentifier table, string typed, CancellationToken cancellationToken)
    {
        // SQLite compares identifiers without regard to ASCII letter case, so NOCASE finds every candidate.
        var candidates = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT name FROM sqlite_master
            WHERE type IN ('table', 'view') AND name = @name COLLATE NOCASE AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
            """,
            new { name = table.Name },
            cancellationToken: cancellationToken));
        return table.Match(candidates, "Table name")
            ?? throw new InvalidInputException($"Table '{typed}' was not found.");
    }

    /// <summary>Rows per INSERT statement of the score writer. With five parameters a row and one for the scan, it stays under the 999 parameters older SQLite builds allow.</summary>
    internal const int RowsPerInsert = 16;

    /// <inheritdoc/>
    /// <remarks>
    /// Rows go in groups of <see cref="RowsPerInsert"/> through one prepared multi-row INSERT, which spends less
    /// time per row than a one-row statement. The rows left over go through a one-row INSERT.
    /// </remarks>
    public override async Task WriteScoresAsync(
        DbConnection connection,
        DbTransaction transaction,
        long scanId,
        IEnumerable<ScoreRow> scores,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await using var groupInsert = await PrepareInsertAsync(connection, transaction, scanId, RowsPerInsert, cancellationToken);
        await using var singleRowInsert = await PrepareInsertAsync(connection, transaction, scanId, 1, cancellationToken);
        var pending = new List<ScoreRow>(RowsPerInsert);
        foreach (var row in scores)
        {
            pending.Add(row);
            if (pending.Count == RowsPerInsert)
            {
                Bind(groupInsert, pending);
                await groupInsert.ExecuteNonQueryAsync(cancellationToken);
                pending.Clear();
            }
        }

        foreach (var row in pending)
        {
            Bind(singleRowInsert, [row]);
            await singleRowInsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Prepares an INSERT of <paramref name="rows"/> score rows. Parameter 0 is the scan, then come five per row.</summary>
    private static async Task<DbCommand> PrepareInsertAsync(
        DbConnection connection, DbTransaction transaction, long scanId, int rows, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        AddParameter(command, "$scanId", scanId);
        var values = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            values.Add($"($scanId, $k{i}, $v{i}, $s{i}, $o{i}, $e{i})");
            foreach (var prefix in new[] { "$k", "$v", "$s", "$o", "$e" })
            {
                AddParameter(command, prefix + i.ToString(CultureInfo.InvariantCulture), null);
            }
        }

        command.CommandText =
            "INSERT INTO SequenceScores (ScanId, RowKey, Value, Score, IsOutlier, Explanation) VALUES " + string.Join(", ", values);
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private static void Bind(DbCommand command, IReadOnlyList<ScoreRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var first = 1 + (i * 5);
            command.Parameters[first].Value = row.RowKey;
            command.Parameters[first + 1].Value = (object?)row.Value ?? DBNull.Value;
            command.Parameters[first + 2].Value = row.Score;
            command.Parameters[first + 3].Value = row.IsOutlier ? 1 : 0;
            command.Parameters[first + 4].Value = (object?)row.Explanation ?? DBNull.Value;
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
