using System.Runtime.CompilerServices;
using Dapper;

namespace SeqAnomaly.Data;

/// <summary>
/// Incremental scans. A full scan trains a model and scores every row. An incremental scan reuses that
/// model and scores only the rows whose key has no score in the full scan or in the incremental scans
/// that already extend it. The views show the full scan and its extensions together.
/// </summary>
public sealed partial class AnomalyStore
{
    /// <summary>
    /// Returns the id and key column of the latest succeeded full scan that trained or used model
    /// <paramref name="modelId"/>, or null.
    /// </summary>
    public async Task<BaseScan?> FindBaseScanAsync(long modelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var sql = Provider.LimitRows(
            $"SELECT ScanId, KeyColumn FROM {Provider.ObjectName("Scans")} " +
            "WHERE ModelId = @ModelId AND Status = 'Succeeded' AND BaseScanId IS NULL ORDER BY FinishedAt DESC, ScanId DESC",
            rows: 1);
        return await connection.QueryFirstOrDefaultAsync<BaseScan>(
            new CommandDefinition(sql, new { ModelId = modelId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Streams the (key, value) pairs whose key has no score yet in <paramref name="baseScanId"/> or the
    /// succeeded incremental scans that extend it.
    /// </summary>
    public async IAsyncEnumerable<SourceRow> ReadUnscoredAsync(
        SourceColumn source, long baseScanId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The scans of the chain are few, so "ScanId IN (...) AND RowKey = ..." probes the primary key once per scan.
        command.CommandText =
            $"SELECT {Provider.TextOf($"src.{source.QuotedKey}")}, {Provider.TextOf($"src.{source.QuotedValue}")} " +
            $"FROM {source.QuotedTable} AS src WHERE NOT EXISTS (" +
            $"SELECT 1 FROM {Provider.ObjectName("SequenceScores")} AS r " +
            $"WHERE r.ScanId IN (SELECT c.ScanId FROM {Provider.ObjectName("Scans")} AS c " +
            "WHERE (c.ScanId = @BaseScanId OR c.BaseScanId = @BaseScanId) AND c.Status = 'Succeeded') " +
            $"AND r.RowKey = {Provider.TextOf($"src.{source.QuotedKey}")})";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "BaseScanId";
        parameter.Value = baseScanId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var value = await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1);
            yield return new SourceRow(reader.GetString(0), value);
        }
    }

    /// <summary>
    /// In one transaction: bulk-writes the scores of an incremental scan and marks it Succeeded with the
    /// reused model and its counts.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scan does not exist or is not Running. Nothing was written.</exception>
    public async Task CompleteIncrementalScanAsync(
        long scanId, long modelId, IEnumerable<ScoreRow> scores, ScanCounts counts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(counts);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Provider.WriteScoresAsync(connection, transaction, scanId, scores, cancellationToken);
        await MarkSucceededAsync(connection, transaction, scanId, modelId, counts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Returns whether the database has the scan queue, that is, whether its migrations include it.</summary>
    public async Task<bool> HasScanQueueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM {Provider.ObjectName("ScanRequests")} WHERE 1 = 0", cancellationToken: cancellationToken));
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
    }
}

/// <summary>The full scan that incremental scans of a model extend, and the key column it scored rows by.</summary>
public sealed record BaseScan(long ScanId, string KeyColumn);
