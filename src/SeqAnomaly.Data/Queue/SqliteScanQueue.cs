using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data.Queue;

/// <summary>
/// The scan queue on SQLite, which has no procedures: the checks of <c>anomaly.RequestScan</c> run here, and a claim
/// runs in a <c>BEGIN IMMEDIATE</c> transaction, which holds the database's write lock from its first statement.
/// </summary>
public sealed partial class SqliteScanQueue(DatabaseProvider provider, string connectionString)
    : ScanQueue(provider, connectionString)
{
    /// <inheritdoc/>
    protected override string NowSql => "strftime('%Y-%m-%d %H:%M:%f', 'now')";

    /// <inheritdoc/>
    public override async Task<long> RequestScanAsync(
        string table, string keyColumn, string valueColumn, string? optionsJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keyColumn);
        ArgumentNullException.ThrowIfNull(valueColumn);
        var options = ScanRequestOptions.Parse(optionsJson);
        await using var connection = await OpenAsync(cancellationToken);
        var source = await Provider.ResolveSourceAsync(connection, table, keyColumn, valueColumn, cancellationToken);
        if (source.KeyColumn == source.ValueColumn)
        {
            throw new InvalidInputException(
                $"Key column '{keyColumn}' and value column '{valueColumn}' are the same column. " +
                "Choose a unique key column other than the value column.");
        }

        await CheckArchitectureAsync(connection, options.Architecture, cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            INSERT INTO ScanRequests
                (RequestedAt, RequestedBy, SourceTable, KeyColumn, ValueColumn, Options, Status, Attempts)
            VALUES ({NowSql}, @RequestedBy, @SourceTable, @KeyColumn, @ValueColumn, @Options, 'Pending', 0)
            RETURNING RequestId
            """,
            new
            {
                RequestedBy = Environment.UserName,
                SourceTable = NameForRequest(source.Table),
                KeyColumn = NameForRequest(source.KeyColumn),
                ValueColumn = NameForRequest(source.ValueColumn),
                Options = string.IsNullOrWhiteSpace(optionsJson) ? "{}" : optionsJson,
            },
            cancellationToken: cancellationToken));
    }

    private static async Task CheckArchitectureAsync(DbConnection connection, string? architecture, CancellationToken cancellationToken)
    {
        if (architecture is null)
        {
            return;
        }

        var known = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT Name FROM ScanArchitectures ORDER BY Name", cancellationToken: cancellationToken))).ToList();
        if (!known.Contains(architecture, StringComparer.Ordinal))
        {
            throw new InvalidInputException(
                $"Invalid value '\"{architecture}\"' for option architecture: expected one of {string.Join(", ", known)}.");
        }
    }

    /// <summary>A catalog name as the request stores it: bare when it is a plain identifier, otherwise in double quotes.</summary>
    private string NameForRequest(string name) => PlainIdentifier().IsMatch(name) ? name : Provider.QuoteIdentifier(name);

    /// <inheritdoc/>
    public override async Task CancelAsync(long requestId, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var status = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT Status FROM ScanRequests WHERE RequestId = @RequestId",
            new { RequestId = requestId },
            transaction,
            cancellationToken: cancellationToken));
        switch (status)
        {
            case null:
                throw new InvalidInputException(
                    $"Scan request {requestId.ToString(CultureInfo.InvariantCulture)} was not found.");
            case "Succeeded" or "Failed":
                throw new InvalidInputException(
                    $"Scan request {requestId.ToString(CultureInfo.InvariantCulture)} cannot be cancelled because it is {status}.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ScanRequests SET Status = 'Cancelled', Error = @Error " +
            "WHERE RequestId = @RequestId AND Status IN ('Pending', 'Running')",
            new { RequestId = requestId, Error = $"Cancelled by {Environment.UserName}." },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override async Task<ClaimedRequest?> ClaimAsync(
        string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var expiredBefore = FormattableString.Invariant($"-{lease.TotalSeconds:R} seconds");
        var parameters = new { WorkerId = workerId, ExpiredBefore = expiredBefore, MaxAttempts = maxAttempts };

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ScanRequests
            SET Status = 'Failed',
                Error = 'Gave up after ' || Attempts || ' attempts: worker ' || ClaimedBy || ' stopped sending heartbeats.'
                        || COALESCE(' Last error: ' || Error, '')
            WHERE Status = 'Running'
              AND HeartbeatAt < strftime('%Y-%m-%d %H:%M:%f', 'now', @ExpiredBefore)
              AND Attempts >= @MaxAttempts
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));

        var claimed = await connection.QueryFirstOrDefaultAsync<ClaimedRow>(new CommandDefinition(
            $"""
            UPDATE ScanRequests
            SET Status = 'Running', ClaimedBy = @WorkerId, ClaimedAt = {NowSql}, HeartbeatAt = {NowSql},
                Attempts = Attempts + 1
            WHERE RequestId =
            (
                SELECT RequestId
                FROM ScanRequests
                WHERE Status = 'Pending'
                   OR (Status = 'Running'
                       AND HeartbeatAt < strftime('%Y-%m-%d %H:%M:%f', 'now', @ExpiredBefore)
                       AND Attempts < @MaxAttempts)
                ORDER BY RequestId
                LIMIT 1
            )
            RETURNING RequestId, SourceTable, KeyColumn, ValueColumn, Options, Attempts, RequestedBy
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
        return claimed?.ToRequest();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex PlainIdentifier();
}
