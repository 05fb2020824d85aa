using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data;

/// <summary>
/// The product's reads and writes for one database: migrations, the source-column check, streaming
/// reads, and the scan's lifecycle. Shared by every provider; engine differences go through
/// <see cref="DatabaseProvider"/>.
/// </summary>
public sealed partial class AnomalyStore(DatabaseProvider provider, string connectionString)
{
    private static readonly string[] ModelColumns =
    [
        "Name", "Version", "CreatedAt", "SourceTable", "SourceColumn", "Architecture", "EncodingJson",
        "HyperparametersJson", "TrainingRows", "FinalTrainingLoss", "FinalValidationLoss", "ThresholdRule",
        "ThresholdValue", "Weights", "WeightsSha256", "PortableModel", "PortableModelSha256",
    ];

    private static readonly string[] ScanColumns =
        ["SourceTable", "KeyColumn", "ValueColumn", "StartedAt", "Status", "BaseScanId"];

    /// <summary>The engine this store talks to.</summary>
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>Connection string of the database; never shown in messages or logs.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Applies pending migrations; running it again applies nothing.</summary>
    /// <param name="log">Receives progress messages.</param>
    /// <returns>Names of the scripts applied by this call.</returns>
    public IReadOnlyList<string> Migrate(Action<string> log) => Provider.Migrate(ConnectionString, log);

    /// <summary>Checks the source table and columns against the catalog and that the key column is unique.</summary>
    /// <exception cref="InvalidInputException">
    /// A name is not found or ambiguous, the key and value are the same column, or the key has duplicates or NULLs.
    /// </exception>
    public async Task<SourceColumn> ResolveSourceAsync(
        string table, string keyColumn, string valueColumn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keyColumn);
        ArgumentNullException.ThrowIfNull(valueColumn);
        await using var connection = await OpenAsync(cancellationToken);
        var source = await Provider.ResolveSourceAsync(connection, table, keyColumn, valueColumn, cancellationToken);
        if (source.KeyColumn == source.ValueColumn)
        {
            throw new InvalidInputException(
                $"Key column '{keyColumn}' and value column '{valueColumn}' are the same column of table " +
                $"'{source.DisplayTable}'. Choose a unique key column other than the value column.");
        }

        await CheckKeyIsUniqueAsync(connection, source, cancellationToken);
        return source;
    }

    private async Task CheckKeyIsUniqueAsync(
        DbConnection connection, SourceColumn source, CancellationToken cancellationToken)
    {
        // One pass over the table finds both a repeated key and a NULL key, whichever the engine meets first.
        var sql = Provider.LimitRows(
            $"SELECT {Provider.TextOf(source.QuotedKey)} AS KeyText, COUNT(*) AS Occurrences " +
            $"FROM {source.QuotedTable} GROUP BY {Provider.KeyForUniqueness(source.QuotedKey)} " +
            $"HAVING COUNT(*) > 1 OR {Provider.KeyForUniqueness(source.QuotedKey)} IS NULL ORDER BY COUNT(*) DESC",
            rows: 1);
        var duplicate = await connection.QueryFirstOrDefaultAsync<DuplicateKey>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        if (duplicate is null)
        {
            return;
        }

        if (duplicate.KeyText is null)
        {
            throw new InvalidInputException(
                $"Key column '{source.KeyColumn}' of table '{source.DisplayTable}' is NULL in {duplicate.Occurrences} " +
                "row(s). Choose a key column without NULLs.");
        }

        throw new InvalidInputException(
            $"Key column '{source.KeyColumn}' of table '{source.DisplayTable}' is not unique: key " +
            $"'{duplicate.KeyText}' occurs {duplicate.Occurrences} times. Choose a unique key column.");
    }

    /// <summary>Streams (key, value) pairs in text form, without buffering the table.</summary>
    public async IAsyncEnumerable<SourceRow> ReadAsync(
        SourceColumn source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Provider.TextOf(source.QuotedKey)}, {Provider.TextOf(source.QuotedValue)} FROM {source.QuotedTable}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1);
            yield return new SourceRow(reader.GetString(0), value);
        }
    }

    /// <summary>Inserts a Running scan, committed at once so that it shows as running; returns its id.</summary>
    /// <param name="source">The checked source column.</param>
    /// <param name="baseScanId">For an incremental scan, the full scan whose model it reuses and whose rows it extends.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    public async Task<long> StartScanAsync(
        SourceColumn source, long? baseScanId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await OpenAsync(cancellationToken);
        var row = new
        {
            SourceTable = source.DisplayTable,
            source.KeyColumn,
            source.ValueColumn,
            StartedAt = Provider.TimestampValue(DateTime.UtcNow),
            Status = "Running",
            BaseScanId = baseScanId,
        };
        return await Provider.InsertReturningIdAsync(
            connection, null, Provider.ObjectName("Scans"), "ScanId", ScanColumns, row, cancellationToken);
    }

    /// <summary>
    /// In one transaction: inserts the model (next version for its name) and its training history,
    /// bulk-writes the scores, and marks the scan Succeeded with its counts. Returns the model id.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The scan does not exist or is not Running. Nothing was written.
    /// </exception>
    public async Task<long> CompleteScanAsync(
        long scanId,
        ModelRow model,
        IReadOnlyList<EpochRow> history,
        IEnumerable<ScoreRow> scores,
        ScanCounts counts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(counts);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var modelId = await InsertModelAsync(connection, transaction, model, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {Provider.ObjectName("TrainingHistory")} (ModelId, Epoch, TrainingLoss, ValidationLoss) " +
            "VALUES (@ModelId, @Epoch, @TrainingLoss, @ValidationLoss)",
            history.Select(e => new { ModelId = modelId, e.Epoch, e.TrainingLoss, e.ValidationLoss }),
            transaction,
            cancellationToken: cancellationToken));
        await Provider.WriteScoresAsync(connection, transaction, scanId, scores, cancellationToken);
        await MarkSucceededAsync(connection, transaction, scanId, modelId, counts, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return modelId;
    }

    private async Task<long> InsertModelAsync(
        DbConnection connection, DbTransaction transaction, ModelRow model, CancellationToken cancellationToken)
    {
        // Without the lock, two scans saving a model of the same name could read the same maximum. NOTE: SQL Server
        // takes no such lock yet, so there the unique (Name, Version) constraint fails the later scan instead.
        await Provider.LockModelNameAsync(connection, transaction, model.Name, cancellationToken);
        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COALESCE(MAX(Version), 0) + 1 FROM {Provider.ObjectName("Models")} WHERE Name = @Name",
            new { model.Name },
            transaction,
            cancellationToken: cancellationToken));
        var row = new
        {
            model.Name,
            Version = version,
            CreatedAt = Provider.TimestampValue(DateTime.UtcNow),
            model.SourceTable,
            model.SourceColumn,
            model.Architecture,
            model.EncodingJson,
            model.HyperparametersJson,
            model.TrainingRows,
            model.FinalTrainingLoss,
            model.FinalValidationLoss,
            model.ThresholdRule,
            model.ThresholdValue,
            model.Weights,
            model.WeightsSha256,
            model.PortableModel,
            model.PortableModelSha256,
        };
        return await Provider.InsertReturningIdAsync(
            connection, transaction, Provider.ObjectName("Models"), "ModelId", ModelColumns, row, cancellationToken);
    }

    private async Task MarkSucceededAsync(
        DbConnection connection,
        DbTransaction transaction,
        long scanId,
        long modelId,
        ScanCounts counts,
        CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Provider.ObjectName("Scans")}
            SET Status = 'Succeeded', FinishedAt = @FinishedAt, ModelId = @ModelId, RowsRead = @RowsRead,
                NullsSkipped = @NullsSkipped, RowsScored = @RowsScored, Outliers = @Outliers,
                ThresholdRule = @ThresholdRule, Threshold = @Threshold
            WHERE ScanId = @ScanId AND Status = 'Running'
            """,
            new
            {
                FinishedAt = Provider.TimestampValue(DateTime.UtcNow),
                ModelId = modelId,
                counts.RowsRead,
                counts.NullsSkipped,
                counts.RowsScored,
                counts.Outliers,
                counts.ThresholdRule,
                counts.Threshold,
                ScanId = scanId,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Scan {scanId} cannot be completed because it is not a Running scan.");
        }
    }

    /// <summary>Marks a scan Failed with its error message; its scores, if any, were never committed.</summary>
    /// <exception cref="InvalidOperationException">The scan does not exist or is not Running.</exception>
    public async Task FailScanAsync(long scanId, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Provider.ObjectName("Scans")} SET Status = 'Failed', FinishedAt = @FinishedAt, " +
            "ErrorMessage = @ErrorMessage WHERE ScanId = @ScanId AND Status = 'Running'",
            new { FinishedAt = Provider.TimestampValue(DateTime.UtcNow), ErrorMessage = error, ScanId = scanId },
            cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Scan {scanId} cannot be marked Failed because it is not a Running scan.");
        }
    }

    /// <summary>Returns the latest version of the model named <paramref name="name"/>, or null.</summary>
    public async Task<StoredModel?> FindModelAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenAsync(cancellationToken);
        var sql = Provider.LimitRows(
            $"SELECT ModelId, {string.Join(", ", ModelColumns)} FROM {Provider.ObjectName("Models")} " +
            "WHERE Name = @Name ORDER BY Version DESC",
            rows: 1);
        var row = await connection.QueryFirstOrDefaultAsync<ModelRecord>(
            new CommandDefinition(sql, new { Name = name }, cancellationToken: cancellationToken));
        return row?.ToStoredModel();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        return await Provider.OpenConnectionAsync(ConnectionString, cancellationToken);
    }

    private sealed class DuplicateKey
    {
        public string? KeyText { get; set; }

        public long Occurrences { get; set; }
    }
}
