using System.Data.Common;
using Dapper;

namespace SeqAnomaly.Data.Queue;

/// <summary>
/// The table of scan requests, <c>ScanRequests</c>, as workers and requesters use it: queueing and cancelling
/// requests, and claiming, heartbeating and finishing them. A claim holds a lease that each heartbeat renews; a
/// Running request whose heartbeat is older than the lease may be claimed by another worker. Engine differences
/// (the locking claim, the request checks, the clock) are in one subclass per engine.
/// </summary>
public abstract class ScanQueue
{
    /// <summary>Creates the queue of a database.</summary>
    /// <param name="provider">The database's engine.</param>
    /// <param name="connectionString">Connection string of the database; never shown in messages or logs.</param>
    protected ScanQueue(DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(connectionString);
        Provider = provider;
        ConnectionString = connectionString;
    }

    /// <summary>The engine this queue talks to.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>Connection string of the database.</summary>
    protected string ConnectionString { get; }

    /// <summary>Name of the requests table as written in SQL.</summary>
    protected string Requests => Provider.ObjectName("ScanRequests");

    /// <summary>SQL expression for the current UTC time in the engine's timestamp type.</summary>
    protected abstract string NowSql { get; }

    /// <summary>Returns the queue for a database of one of the built-in engines.</summary>
    /// <exception cref="ArgumentException">The provider is not one of the built-in engines.</exception>
    public static ScanQueue Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        SqliteProvider => new SqliteScanQueue(provider, connectionString),
        PostgresProvider => new PostgresScanQueue(provider, connectionString),
        SqlServerProvider => new SqlServerScanQueue(provider, connectionString),
        _ => throw new ArgumentException($"No scan queue is defined for provider {provider.GetType().Name}.", nameof(provider)),
    };

    /// <summary>
    /// Checks the table, both columns and the options, and queues a Pending request; the checks and the insert are
    /// those of <c>anomaly.RequestScan</c> on the servers.
    /// </summary>
    /// <param name="table">Source table, optionally schema-qualified.</param>
    /// <param name="keyColumn">Unique key column.</param>
    /// <param name="valueColumn">Column to scan.</param>
    /// <param name="optionsJson">JSON object of options, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new request's id.</returns>
    /// <exception cref="Core.InvalidInputException">A name was not found or an option is invalid; nothing was queued.</exception>
    public abstract Task<long> RequestScanAsync(
        string table, string keyColumn, string valueColumn, string? optionsJson, CancellationToken cancellationToken = default);

    /// <summary>Cancels a Pending or Running request, as <c>anomaly.CancelScan</c> does; a cancelled one is left as it is.</summary>
    /// <exception cref="Core.InvalidInputException">The request does not exist or has already finished.</exception>
    public abstract Task CancelAsync(long requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks Failed the Running requests whose lease expired after their last allowed attempt, then claims the oldest
    /// Pending request or expired Running one, in one transaction that skips rows other workers have locked.
    /// </summary>
    /// <param name="workerId">Name the claim is recorded under; unique per worker slot.</param>
    /// <param name="lease">How old a heartbeat may be before another worker may take the request over.</param>
    /// <param name="maxAttempts">Claims a request may have; an expired request at this count is marked Failed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed request, or null when none is available.</returns>
    public abstract Task<ClaimedRequest?> ClaimAsync(
        string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken = default);

    /// <summary>Renews the claim's lease.</summary>
    /// <returns>False when the request is no longer Running under this worker: it was cancelled or taken over.</returns>
    public async Task<bool> HeartbeatAsync(long requestId, string workerId, CancellationToken cancellationToken = default)
    {
        var updated = await ExecuteAsync(
            $"UPDATE {Requests} SET HeartbeatAt = {NowSql} " +
            "WHERE RequestId = @RequestId AND ClaimedBy = @WorkerId AND Status = 'Running'",
            new { RequestId = requestId, WorkerId = workerId },
            cancellationToken);
        return updated == 1;
    }

    /// <summary>Marks the request Succeeded and links its scan; a request cancelled meanwhile keeps its status.</summary>
    /// <returns>False when the request is no longer claimed by this worker.</returns>
    public async Task<bool> CompleteAsync(long requestId, string workerId, long scanId, CancellationToken cancellationToken = default)
    {
        var updated = await ExecuteAsync(
            $"UPDATE {Requests} " +
            "SET Status = CASE WHEN Status = 'Running' THEN 'Succeeded' ELSE Status END, ScanId = @ScanId " +
            "WHERE RequestId = @RequestId AND ClaimedBy = @WorkerId AND Status IN ('Running', 'Cancelled')",
            new { RequestId = requestId, WorkerId = workerId, ScanId = scanId },
            cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Ends this worker's attempt with an error: the request goes back to Pending when <paramref name="retry"/> is
    /// true, otherwise it is marked Failed. The error is stored either way.
    /// </summary>
    public Task FailAttemptAsync(
        long requestId, string workerId, string error, bool retry, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            $"UPDATE {Requests} SET Status = @Status, Error = @Error " +
            "WHERE RequestId = @RequestId AND ClaimedBy = @WorkerId AND Status = 'Running'",
            new { RequestId = requestId, WorkerId = workerId, Status = retry ? "Pending" : "Failed", Error = error },
            cancellationToken);

    /// <summary>
    /// Puts a request this worker gave up for a reason of its own, such as shutting down, back to Pending, without
    /// counting the attempt.
    /// </summary>
    public Task ReleaseAsync(long requestId, string workerId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            $"UPDATE {Requests} SET Status = 'Pending', Attempts = Attempts - 1, ClaimedBy = NULL, ClaimedAt = NULL, " +
            "HeartbeatAt = NULL WHERE RequestId = @RequestId AND ClaimedBy = @WorkerId AND Status = 'Running'",
            new { RequestId = requestId, WorkerId = workerId },
            cancellationToken);

    /// <summary>Counts the requests that are Pending or Running, which a worker may still have to run.</summary>
    public async Task<long> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {Requests} WHERE Status IN ('Pending', 'Running')",
            cancellationToken: cancellationToken));
    }

    /// <summary>Opens a connection to the database.</summary>
    protected async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        return await Provider.OpenConnectionAsync(ConnectionString, cancellationToken);
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>A claimed row as the engines return it; Dapper converts each engine's integer types into these.</summary>
    protected sealed class ClaimedRow
    {
        public long RequestId { get; set; }

        public string SourceTable { get; set; } = "";

        public string KeyColumn { get; set; } = "";

        public string ValueColumn { get; set; } = "";

        public string Options { get; set; } = "{}";

        public long Attempts { get; set; }

        public string RequestedBy { get; set; } = "";

        public ClaimedRequest ToRequest() =>
            new(RequestId, SourceTable, KeyColumn, ValueColumn, Options, checked((int)Attempts), RequestedBy);
    }
}
