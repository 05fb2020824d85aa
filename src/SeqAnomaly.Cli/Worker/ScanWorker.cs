using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeqAnomaly.Data.Queue;

namespace SeqAnomaly.Cli.Worker;

/// <summary>
/// The hosted worker: <see cref="WorkerOptions.Concurrency"/> slots, each claiming one request at a time and
/// running it. On shutdown the slots stop claiming and abandon their scans, which go back to Pending.
/// </summary>
public sealed class ScanWorker(
    ScanQueue queue,
    RequestProcessor processor,
    WorkerOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<ScanWorker> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.WorkerStarted(
            logger, options.WorkerName, queue.Provider.Name, options.Concurrency, options.LeaseSeconds,
            options.PollIntervalSeconds, options.MaxAttempts);
        var slots = Enumerable.Range(1, options.Concurrency).Select(slot => RunSlotAsync($"{options.WorkerName}/{slot}", stoppingToken));
        await Task.WhenAll(slots);
        Log.WorkerStopped(logger, options.WorkerName);
        if (options.Drain)
        {
            lifetime.StopApplication();
        }
    }

    private async Task RunSlotAsync(string workerId, CancellationToken stoppingToken)
    {
        var pollInterval = TimeSpan.FromSeconds(options.PollIntervalSeconds);
        var lease = TimeSpan.FromSeconds(options.LeaseSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var request = await queue.ClaimAsync(workerId, lease, options.MaxAttempts, stoppingToken);
                if (request is not null)
                {
                    await processor.ProcessAsync(request, workerId, stoppingToken);
                    continue;
                }

                // Draining ends once nothing is left that this or another worker might still have to run.
                if (options.Drain && await queue.CountOpenAsync(stoppingToken) == 0)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException error)
            {
                Log.ClaimFailed(logger, error, workerId);
            }

            await DelayAsync(pollInterval, stoppingToken);
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutdown; the slot's loop ends at its next check.
        }
    }
}
