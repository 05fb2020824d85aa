using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeqAnomaly.Core;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Runs the worker until it is stopped by Ctrl+C or SIGTERM, or, with <c>--drain</c>, until no request is left.</summary>
public sealed class WorkerCommand : AsyncCommand<WorkerSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, WorkerSettings settings, CancellationToken cancellationToken)
    {
        var store = settings.OpenStore();
        if (!await store.HasScanQueueAsync(cancellationToken))
        {
            throw new InvalidInputException(
                "The database has no scan queue (table ScanRequests); run seqanomaly migrate on it first.");
        }

        using var host = WorkerHost.Build(WorkerHost.CreateBuilder(settings.ConfigurationOverrides()), store);

        // RunAsync would dispose the host, and with it the services read below, so start and wait instead.
        await host.StartAsync(cancellationToken);
        await host.WaitForShutdownAsync(cancellationToken);

        // The host logs a failed worker and stops. A failure exit code lets a service manager restart it.
        var failed = host.Services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Any(service => service.ExecuteTask is { IsFaulted: true });
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
