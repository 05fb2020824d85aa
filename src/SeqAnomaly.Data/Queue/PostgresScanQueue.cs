using Dapper;
using Npgsql;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data.Queue;

/// <summary>
/// The scan queue on PostgreSQL: requests go through <c>anomaly.RequestScan</c> and <c>anomaly.CancelScan</c>, and a
/// claim takes the oldest available row with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
public sealed class PostgresScanQueue(DatabaseProvider provider, string connectionString)
    : ScanQueue(provider, connectionString)
{
    // SQLSTATEs the functions raise for bad arguments, and 22P02 for options that are not JSON.
    private static readonly HashSet<string> InvalidInputStates =
        ["22004", "22023", "22P02", "42P01", "42703", "P0002", "55000"];

    /// <inheritdoc/>
    protected override string NowSql => "now()";

    /// <inheritdoc/>
    public override async Task<long> RequestScanAsync(
        string table, string keyColumn, string valueColumn, string? optionsJson, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT anomaly.RequestScan(@Table, @KeyColumn, @ValueColumn, CAST(@Options AS jsonb))",
                new { Table = table, KeyColumn = keyColumn, ValueColumn = valueColumn, Options = optionsJson },
                cancellationToken: cancellationToken));
        }
        catch (PostgresException error) when (InvalidInputStates.Contains(error.SqlState))
        {
            throw new InvalidInputException(error.MessageText, error);
        }
    }

    /// <inheritdoc/>
    public override async Task CancelAsync(long requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT anomaly.CancelScan(@RequestId)", new { RequestId = requestId }, cancellationToken: cancellationToken));
        }
        catch (PostgresException error) when (InvalidInputStates.Contains(error.SqlState))
        {
            throw new InvalidInputException(error.MessageText, error);
        }
    }

    /// <inheritdoc/>
    public override async Task<ClaimedRequest?> ClaimAsync(
        string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new { WorkerId = workerId, LeaseSeconds = lease.TotalSeconds, MaxAttempts = maxAttempts };

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE anomaly.ScanRequests
            SET Status = 'Failed',
                Error = format('Gave up after %s attempts: worker %s stopped sending heartbeats.%s',
                               Attempts, ClaimedBy, COALESCE(' Last error: ' || Error, ''))
            WHERE Status = 'Running'
              AND HeartbeatAt < now() - make_interval(secs => @LeaseSeconds)
              AND Attempts >= @MaxAttempts
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));

        var claimed = await connection.QueryFirstOrDefaultAsync<ClaimedRow>(new CommandDefinition(
            """
            UPDATE anomaly.ScanRequests
            SET Status = 'Running', ClaimedBy = @WorkerId, ClaimedAt = now(), HeartbeatAt = now(), Attempts = Attempts + 1
            WHERE RequestId =
            (
                SELECT RequestId
                FROM anomaly.ScanRequests
                WHERE Status = 'Pending'
                   OR (Status = 'Running'
                       AND HeartbeatAt < now() - make_interval(secs => @LeaseSeconds)
                       AND Attempts < @MaxAttempts)
                ORDER BY RequestId
                FOR UPDATE SKIP LOCKED
                LIMIT 1
            )
            RETURNING RequestId, SourceTable, KeyColumn, ValueColumn, Options::text AS Options, Attempts, RequestedBy
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
        return claimed?.ToRequest();
    }
}
