using Microsoft.Extensions.Logging;

namespace SeqAnomaly.Cli.Worker;

/// <summary>The worker's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(WorkerEventIds.WorkerStarted, LogLevel.Information,
        "Worker {WorkerName} started on {Provider} with {Concurrency} slot(s), lease {LeaseSeconds} s, poll interval {PollIntervalSeconds} s, at most {MaxAttempts} attempt(s)")]
    public static partial void WorkerStarted(
        ILogger logger, string workerName, string provider, int concurrency, double leaseSeconds, double pollIntervalSeconds, int maxAttempts);

    [LoggerMessage(WorkerEventIds.WorkerStopped, LogLevel.Information, "Worker {WorkerName} stopped")]
    public static partial void WorkerStopped(ILogger logger, string workerName);

    [LoggerMessage(WorkerEventIds.RequestClaimed, LogLevel.Information,
        "Request {RequestId} claimed by {WorkerId}: {SourceTable}.{ValueColumn}, attempt {Attempt}")]
    public static partial void RequestClaimed(
        ILogger logger, long requestId, string workerId, string sourceTable, string valueColumn, int attempt);

    [LoggerMessage(WorkerEventIds.ScanProgress, LogLevel.Information, "Request {RequestId}: {Progress}")]
    public static partial void ScanProgress(ILogger logger, long requestId, string progress);

    [LoggerMessage(WorkerEventIds.RequestSucceeded, LogLevel.Information,
        "Request {RequestId} succeeded: scan {ScanId} scored {RowsScored} rows and flagged {Outliers}")]
    public static partial void RequestSucceeded(ILogger logger, long requestId, long scanId, long rowsScored, long outliers);

    [LoggerMessage(WorkerEventIds.RequestFailed, LogLevel.Error, "Request {RequestId} failed on attempt {Attempt}: {Error}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, long requestId, int attempt, string error);

    [LoggerMessage(WorkerEventIds.RequestRetried, LogLevel.Warning,
        "Request {RequestId} failed on attempt {Attempt} of {MaxAttempts} and goes back to Pending: {Error}")]
    public static partial void RequestRetried(ILogger logger, Exception exception, long requestId, int attempt, int maxAttempts, string error);

    [LoggerMessage(WorkerEventIds.RequestReleased, LogLevel.Information,
        "Request {RequestId} abandoned because the worker is stopping; it goes back to Pending")]
    public static partial void RequestReleased(ILogger logger, long requestId);

    [LoggerMessage(WorkerEventIds.RequestAbandoned, LogLevel.Warning,
        "Request {RequestId} abandoned: it was cancelled or taken over by another worker, and its scan is marked Failed")]
    public static partial void RequestAbandoned(ILogger logger, long requestId);

    [LoggerMessage(WorkerEventIds.ClaimLost, LogLevel.Warning,
        "Request {RequestId} is no longer Running under {WorkerId}; stopping its scan")]
    public static partial void ClaimLost(ILogger logger, long requestId, string workerId);

    [LoggerMessage(WorkerEventIds.CompletedWithoutClaim, LogLevel.Warning,
        "Request {RequestId} finished scan {ScanId}, but the request is no longer claimed by {WorkerId}, so it was not linked")]
    public static partial void CompletedWithoutClaim(ILogger logger, long requestId, long scanId, string workerId);

    [LoggerMessage(WorkerEventIds.ClaimFailed, LogLevel.Error, "Worker slot {WorkerId} could not claim a request; retrying after the poll interval")]
    public static partial void ClaimFailed(ILogger logger, Exception exception, string workerId);

    [LoggerMessage(WorkerEventIds.HeartbeatFailed, LogLevel.Warning, "Heartbeat of request {RequestId} failed; retrying at the next interval")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, long requestId);

    [LoggerMessage(WorkerEventIds.QueueUpdateFailed, LogLevel.Error,
        "Request {RequestId} could not be updated to its final status; its lease will expire and another worker will retry it")]
    public static partial void QueueUpdateFailed(ILogger logger, Exception exception, long requestId);
}
