using System.Data.Common;
using Microsoft.Extensions.Logging;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core;
using SeqAnomaly.Data;
using SeqAnomaly.Data.Queue;

namespace SeqAnomaly.Cli.Worker;

/// <summary>
/// Runs one claimed request: the scan through <see cref="ScanRunner"/>, with a heartbeat that renews the lease and
/// stops the scan when the request is cancelled or taken over, then the request's final status.
/// </summary>
public sealed class RequestProcessor(AnomalyStore store, ScanQueue queue, WorkerOptions options, ILogger<RequestProcessor> logger)
{
    /// <summary>Runs <paramref name="request"/> under the claim of <paramref name="workerId"/>.</summary>
    /// <param name="request">The request, just claimed.</param>
    /// <param name="workerId">The slot that claimed it.</param>
    /// <param name="stoppingToken">Signals shutdown: the scan stops, and the request goes back to Pending.</param>
    public async Task ProcessAsync(ClaimedRequest request, string workerId, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Log.RequestClaimed(logger, request.RequestId, workerId, request.SourceTable, request.ValueColumn, request.Attempts);
        using var scanCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(request.RequestId, workerId, scanCancellation, heartbeatStop.Token);

        ScanResult? result = null;
        Exception? failure = null;
        try
        {
            var scan = RequestMapping.ToScanRequest(request);
            var progress = new LogProgress(line => Log.ScanProgress(logger, request.RequestId, line));
            result = await new ScanRunner(store).RunAsync(scan, progress, topCount: 0, scanCancellation.Token);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            failure = error;
        }

        // The heartbeat stops before the final update, so that it cannot read that update as a lost claim.
        await heartbeatStop.CancelAsync();
        var claimLost = await heartbeat;
        await FinishAsync(request, workerId, result, failure, claimLost, stoppingToken.IsCancellationRequested);
    }

    private async Task FinishAsync(
        ClaimedRequest request, string workerId, ScanResult? result, Exception? failure, bool claimLost, bool stopping)
    {
        var id = request.RequestId;
        try
        {
            switch (failure)
            {
                case null when result is not null:
                    if (await queue.CompleteAsync(id, workerId, result.ScanId, CancellationToken.None))
                    {
                        Log.RequestSucceeded(logger, id, result.ScanId, result.Counts.RowsScored, result.Counts.Outliers);
                    }
                    else
                    {
                        Log.CompletedWithoutClaim(logger, id, result.ScanId, workerId);
                    }

                    break;
                case OperationCanceledException when claimLost:
                    Log.RequestAbandoned(logger, id);
                    break;
                case OperationCanceledException when stopping:
                    await queue.ReleaseAsync(id, workerId, CancellationToken.None);
                    Log.RequestReleased(logger, id);
                    break;
                case InvalidInputException:
                    await queue.FailAttemptAsync(id, workerId, failure.Message, retry: false, CancellationToken.None);
                    Log.RequestFailed(logger, failure, id, request.Attempts, failure.Message);
                    break;
                case not null when request.Attempts < options.MaxAttempts:
                    await queue.FailAttemptAsync(id, workerId, failure.Message, retry: true, CancellationToken.None);
                    Log.RequestRetried(logger, failure, id, request.Attempts, options.MaxAttempts, failure.Message);
                    break;
                case not null:
                    await queue.FailAttemptAsync(id, workerId, failure.Message, retry: false, CancellationToken.None);
                    Log.RequestFailed(logger, failure, id, request.Attempts, failure.Message);
                    break;
            }
        }
        catch (DbException error)
        {
            Log.QueueUpdateFailed(logger, error, id);
        }
    }

    /// <summary>Renews the lease until <paramref name="stop"/>; returns true when the claim was lost, after stopping the scan.</summary>
    private async Task<bool> HeartbeatAsync(
        long requestId, string workerId, CancellationTokenSource scanCancellation, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                await Task.Delay(options.HeartbeatInterval, stop);
                if (!await queue.HeartbeatAsync(requestId, workerId, stop))
                {
                    Log.ClaimLost(logger, requestId, workerId);
                    await scanCancellation.CancelAsync();
                    return true;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            catch (DbException error)
            {
                Log.HeartbeatFailed(logger, error, requestId);
            }
        }
    }

    // Progress<T> posts to the thread pool, which can reorder lines; this reports on the caller's thread.
    private sealed class LogProgress(Action<string> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value.Message);
    }
}
