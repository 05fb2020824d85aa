using System.Data;
using Dapper;
using Microsoft.Data.SqlClient;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data.Queue;

/// <summary>
/// The scan queue on SQL Server: requests go through the procedures <c>anomaly.RequestScan</c> and
/// <c>anomaly.CancelScan</c>, and a claim updates the oldest available row under <c>UPDLOCK, READPAST, ROWLOCK</c>, so
/// that workers skip each other's rows instead of waiting.
/// </summary>
public sealed class SqlServerScanQueue(DatabaseProvider provider, string connectionString)
    : ScanQueue(provider, connectionString)
{
    /// <summary>Statement that gives up on expired requests after their last attempt.</summary>
    internal const string FailExpiredSql =
        """
        UPDATE anomaly.ScanRequests
        SET Status = 'Failed',
            Error = CONCAT(N'Gave up after ', Attempts, N' attempts: worker ', ClaimedBy,
                           N' stopped sending heartbeats.', N' Last error: ' + Error)
        WHERE Status = 'Running'
          AND HeartbeatAt < DATEADD(millisecond, -@LeaseMilliseconds, SYSUTCDATETIME())
          AND Attempts >= @MaxAttempts;
        """;

    /// <summary>Statement that claims the oldest Pending request or expired Running one.</summary>
    internal const string ClaimSql =
        """
        WITH next AS
        (
            SELECT TOP (1) *
            FROM anomaly.ScanRequests WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE Status = 'Pending'
               OR (Status = 'Running'
                   AND HeartbeatAt < DATEADD(millisecond, -@LeaseMilliseconds, SYSUTCDATETIME())
                   AND Attempts < @MaxAttempts)
            ORDER BY RequestId
        )
        UPDATE next
        SET Status = 'Running', ClaimedBy = @WorkerId, ClaimedAt = SYSUTCDATETIME(), HeartbeatAt = SYSUTCDATETIME(),
            Attempts = Attempts + 1
        OUTPUT INSERTED.RequestId, INSERTED.SourceTable, INSERTED.KeyColumn, INSERTED.ValueColumn, INSERTED.Options,
               INSERTED.Attempts, INSERTED.RequestedBy;
        """;

    /// <inheritdoc/>
    protected override string NowSql => "SYSUTCDATETIME()";

    /// <inheritdoc/>
    public override async Task<long> RequestScanAsync(
        string table, string keyColumn, string valueColumn, string? optionsJson, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "anomaly.RequestScan",
                new { SourceTable = table, KeyColumn = keyColumn, ValueColumn = valueColumn, Options = optionsJson },
                commandType: CommandType.StoredProcedure,
                cancellationToken: cancellationToken));
        }
        catch (SqlException error) when (error.Number is >= 50001 and <= 50005)
        {
            throw new InvalidInputException(error.Message, error);
        }
    }

    /// <inheritdoc/>
    public override async Task CancelAsync(long requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "anomaly.CancelScan",
                new { RequestId = requestId },
                commandType: CommandType.StoredProcedure,
                cancellationToken: cancellationToken));
        }
        catch (SqlException error) when (error.Number is >= 50001 and <= 50005)
        {
            throw new InvalidInputException(error.Message, error);
        }
    }

    /// <inheritdoc/>
    /// <remarks>NOTE: no SQL Server runs in this repository's tests, so these statements are only parsed there.</remarks>
    public override async Task<ClaimedRequest?> ClaimAsync(
        string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new
        {
            WorkerId = workerId,
            LeaseMilliseconds = (long)lease.TotalMilliseconds,
            MaxAttempts = maxAttempts,
        };

        await connection.ExecuteAsync(new CommandDefinition(FailExpiredSql, parameters, transaction, cancellationToken: cancellationToken));
        var claimed = await connection.QueryFirstOrDefaultAsync<ClaimedRow>(
            new CommandDefinition(ClaimSql, parameters, transaction, cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
        return claimed?.ToRequest();
    }
}
