using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Scans one column and prints a summary with the top outliers, or the same as JSON with <c>--json</c>.</summary>
public sealed class ScanCommand(StandardStreams streams) : AsyncCommand<ScanSettings>
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

        // With --json, standard output carries only the document, so progress goes to standard error as lines.
        var progressConsole = settings.Json ? streams.Error : streams.Out;
        var interactive = !settings.Json && streams.Interactive;
        var result = await ProgressDisplay.RunAsync(
            progressConsole,
            settings.Verbosity,
            interactive,
            progress => new ScanRunner(store).RunAsync(request, progress, settings.Top, cancellationToken));

        if (settings.Json)
        {
            JsonOutput.Write(streams.Out, ScanDocument.From(result));
        }
        else
        {
            ScanSummaryView.Write(streams.Out, result, store.Provider, settings.Verbosity);
            if (settings.Verbosity != Verbosity.Quiet)
            {
                streams.Out.MarkupLineInterpolated(
                    $"Write a report with plots: seqanomaly report --scan {result.ScanId} --out report-{result.ScanId}, with the same --provider and --connection.");
            }
        }

        return ExitCodes.Success;
    }
}
