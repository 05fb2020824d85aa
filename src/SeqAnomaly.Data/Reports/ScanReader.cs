using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace SeqAnomaly.Data.Reports;

/// <summary>
/// Read-only queries that bring a stored scan back for reports and scoring: the scan, its model, the
/// model's training history and the scan's scores. Works on every provider through
/// <see cref="DatabaseProvider.ObjectName"/> and <see cref="DatabaseProvider.LimitRows"/>.
/// </summary>
public sealed partial class ScanReader(DatabaseProvider provider, string connectionString)
{
    private const string ModelColumns =
        "ModelId, Name, Version, CreatedAt, SourceTable, SourceColumn, Architecture, EncodingJson, HyperparametersJson, " +
        "TrainingRows, FinalTrainingLoss, FinalValidationLoss, ThresholdRule, ThresholdValue, Weights, WeightsSha256";

    /// <summary>Creates a reader for the database of <paramref name="store"/>.</summary>
    public ScanReader(AnomalyStore store)
        : this(store.Provider, store.ConnectionString)
    {
    }

    /// <summary>Returns whether the product's tables exist, by reading no rows from Scans and Models.</summary>
    public async Task<bool> ProductTablesExistAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            // A query for no rows is valid SQL on every engine, so an error here means a table is missing or unreadable.
            await connection.ExecuteAsync(new CommandDefinition(
                $"SELECT ScanId FROM {provider.ObjectName("Scans")} WHERE 1 = 0; " +
                $"SELECT ModelId FROM {provider.ObjectName("Models")} WHERE 1 = 0",
                cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>Returns the scan with id <paramref name="scanId"/>, or null when there is none.</summary>
    public async Task<StoredScan?> FindScanAsync(long scanId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<ScanRecord>(new CommandDefinition(
            "SELECT ScanId, ModelId, SourceTable, KeyColumn, ValueColumn, StartedAt, FinishedAt, Status, RowsRead, " +
            $"NullsSkipped, RowsScored, Outliers, ThresholdRule, Threshold, ErrorMessage FROM {provider.ObjectName("Scans")} " +
            "WHERE ScanId = @ScanId",
            new { ScanId = scanId },
            cancellationToken: cancellationToken));
        return row?.ToStoredScan();
    }

    /// <summary>Returns the model with id <paramref name="modelId"/>, weights included, or null when there is none.</summary>
    public async Task<StoredModel?> FindModelAsync(long modelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<ModelRecord>(new CommandDefinition(
            $"SELECT {ModelColumns} FROM {provider.ObjectName("Models")} WHERE ModelId = @ModelId",
            new { ModelId = modelId },
            cancellationToken: cancellationToken));
        return row?.ToStoredModel();
    }

    /// <summary>Returns the latest version of the model named <paramref name="name"/>, or null when there is none.</summary>
    public async Task<StoredModel?> FindLatestModelAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await OpenAsync(cancellationToken);
        var sql = provider.LimitRows(
            $"SELECT {ModelColumns} FROM {provider.ObjectName("Models")} WHERE Name = @Name ORDER BY Version DESC", rows: 1);
        var row = await connection.QueryFirstOrDefaultAsync<ModelRecord>(
            new CommandDefinition(sql, new { Name = name }, cancellationToken: cancellationToken));
        return row?.ToStoredModel();
    }

    /// <summary>Returns the id of the latest succeeded scan that trained model <paramref name="modelId"/>, or null.</summary>
    public async Task<long?> FindScanOfModelAsync(long modelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var sql = provider.LimitRows(
            $"SELECT ScanId FROM {provider.ObjectName("Scans")} WHERE ModelId = @ModelId AND Status = 'Succeeded' " +
            "ORDER BY ScanId DESC",
            rows: 1);
        return await connection.QueryFirstOrDefaultAsync<long?>(
            new CommandDefinition(sql, new { ModelId = modelId }, cancellationToken: cancellationToken));
    }

    /// <summary>Returns the loss of every training epoch of model <paramref name="modelId"/>, in epoch order.</summary>
    public async Task<IReadOnlyList<EpochRow>> ReadHistoryAsync(long modelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EpochRecord>(new CommandDefinition(
            $"SELECT Epoch, TrainingLoss, ValidationLoss FROM {provider.ObjectName("TrainingHistory")} " +
            "WHERE ModelId = @ModelId ORDER BY Epoch",
            new { ModelId = modelId },
            cancellationToken: cancellationToken));
        return rows.Select(row => new EpochRow(row.Epoch, row.TrainingLoss, row.ValidationLoss)).ToList();
    }

    /// <summary>Returns the <paramref name="count"/> highest-scored rows of a scan, highest first, outliers or not.</summary>
    public Task<IReadOnlyList<ScoreRow>> ReadHighestScoresAsync(
        long scanId, int count, CancellationToken cancellationToken = default) =>
        ReadRankedScoresAsync(scanId, count, "DESC", cancellationToken);

    /// <summary>Returns the <paramref name="count"/> lowest-scored rows of a scan: values the model finds most typical.</summary>
    public Task<IReadOnlyList<ScoreRow>> ReadLowestScoresAsync(
        long scanId, int count, CancellationToken cancellationToken = default) =>
        ReadRankedScoresAsync(scanId, count, "ASC", cancellationToken);

    /// <summary>Returns the lowest and highest score of a scan; both are null when it has no scores.</summary>
    public async Task<(double? Minimum, double? Maximum)> ReadScoreRangeAsync(
        long scanId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<(double?, double?)>(new CommandDefinition(
            $"SELECT MIN(Score), MAX(Score) FROM {provider.ObjectName("SequenceScores")} WHERE ScanId = @ScanId",
            new { ScanId = scanId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Streams every score of a scan, in no particular order, without buffering them.</summary>
    public async IAsyncEnumerable<double> ReadScoresAsync(
        long scanId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Score FROM {provider.ObjectName("SequenceScores")} WHERE ScanId = @ScanId";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@ScanId";
        parameter.Value = scanId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetDouble(0);
        }
    }

    private async Task<IReadOnlyList<ScoreRow>> ReadRankedScoresAsync(
        long scanId, int count, string direction, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await OpenAsync(cancellationToken);

        // RowKey breaks ties so that equal scores come back in the same order on every engine.
        var sql = provider.LimitRows(
            $"SELECT RowKey, Value, Score, IsOutlier, Explanation FROM {provider.ObjectName("SequenceScores")} " +
            $"WHERE ScanId = @ScanId ORDER BY Score {direction}, RowKey",
            count);
        var rows = await connection.QueryAsync<ScoreRecord>(
            new CommandDefinition(sql, new { ScanId = scanId }, cancellationToken: cancellationToken));
        return rows.Select(row => new ScoreRow(row.RowKey, row.Value, row.Score, row.IsOutlier, row.Explanation)).ToList();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        return await provider.OpenConnectionAsync(connectionString, cancellationToken);
    }
}
