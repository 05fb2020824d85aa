using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Runs the worker until it is stopped by Ctrl+C or SIGTERM, or, with <c>--drain</c>, until no request is left.</summary>
public sealed class WorkerCommand : AsyncCommand<WorkerSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, WorkerSettings settings, CancellationToken cancellationToken)
    {
        var store = settings.OpenStore();
        using var host = WorkerHost.Build(WorkerHost.CreateBuilder(settings.ConfigurationOverrides()), store);
        await host.RunAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
