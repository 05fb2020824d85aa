using System.Globalization;
using SeqAnomaly.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Cancels a Pending or Running scan request, as <c>anomaly.CancelScan</c> does.</summary>
public sealed class CancelCommand(IAnsiConsole console) : AsyncCommand<CancelSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, CancelSettings settings, CancellationToken cancellationToken)
    {
        var requestId = settings.RequestId ?? throw new InvalidInputException("Missing required option --request.");
        var store = settings.OpenStore();
        await store.Provider.CreateScanQueue(store.ConnectionString).CancelAsync(requestId, cancellationToken);
        console.WriteLine($"Cancelled scan request {requestId.ToString(CultureInfo.InvariantCulture)}.");
        return ExitCodes.Success;
    }
}
