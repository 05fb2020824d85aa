using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;
using SeqAnomaly.Data.Queue;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Turns a claimed request into the scan that <see cref="ScanRunner"/> runs, filling in the defaults.</summary>
public static class RequestMapping
{
    /// <summary>Returns the scan for <paramref name="request"/>.</summary>
    /// <exception cref="InvalidInputException">An option is invalid or names something this build does not have.</exception>
    public static ScanRequest ToScanRequest(ClaimedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = ScanRequestOptions.Parse(request.Options);

        // The database lists the architectures a request may name; this build may not have them all.
        var architecture = options.Architecture ?? ModelCatalog.DefaultArchitecture;
        if (!ModelCatalog.Architectures.Contains(architecture))
        {
            throw InvalidInputException.InvalidOption(
                "architecture", architecture, $"an architecture of this worker: {string.Join(", ", ModelCatalog.Architectures)}");
        }

        var defaults = ModelCatalog.DefaultTrainingOptions(architecture);
        var training = defaults with { Epochs = options.Epochs ?? defaults.Epochs, Seed = options.Seed ?? defaults.Seed };
        training.Validate();

        // retrain false reuses the active model and scores only new rows; absent or true trains a new version.
        return new ScanRequest(
            request.SourceTable,
            request.KeyColumn,
            request.ValueColumn,
            options.ModelName,
            architecture,
            ThresholdRule.Parse(options.Threshold ?? ModelCatalog.DefaultThresholdRule(architecture)),
            training,
            new ScanTuning(),
            Incremental: options.Retrain == false);
    }
}
