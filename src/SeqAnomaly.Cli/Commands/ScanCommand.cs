using SeqAnomaly.Cli.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Scans one column and prints a summary with the top outliers.</summary>
public sealed class ScanCommand(IAnsiConsole console) : AsyncCommand<ScanSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, ScanSettings settings, CancellationToken cancellationToken)
    {
        var request = settings.ToRequest();
        if (settings.Threads is { } threads)
        {
            TorchSharp.torch.set_num_threads(threads);
        }

        var store = settings.OpenStore();
        var progress = new LineProgress(console);
        var result = await new ScanRunner(store).RunAsync(request, progress, settings.Top, cancellationToken);
        ScanSummaryView.Write(console, result, store.Provider);
        return ExitCodes.Success;
    }
}
