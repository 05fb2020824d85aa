using System.Globalization;
using SeqAnomaly.Core;
using SeqAnomaly.Data.Reports;

namespace SeqAnomaly.Cli.Report;

/// <summary>
/// Reads a stored scan back from the database and writes its report: <c>index.html</c> with the loss plot, the
/// score histogram and one per-position strip for each top row, as PNG files beside it. Nothing is re-trained;
/// the stored model is reloaded only to score repaired variants of the top values.
/// </summary>
internal sealed class ScanReportWriter(ScanReader reader)
{
    /// <summary>Name of the page written into the output folder.</summary>
    public const string PageFile = "index.html";

    /// <summary>Lowest-scored values of the scan from which repair candidates are taken.</summary>
    private const int TypicalValues = 1000;

    private const int HistogramBins = 120;

    /// <summary>Writes the report of scan <paramref name="scanId"/> into <paramref name="folder"/> and returns the files written.</summary>
    /// <exception cref="InvalidInputException">The scan does not exist or did not succeed.</exception>
    public async Task<IReadOnlyList<string>> WriteAsync(
        long scanId, string folder, int top, Action<string> log, CancellationToken cancellationToken = default)
    {
        var content = await ReadAsync(scanId, top, log, cancellationToken);
        Directory.CreateDirectory(folder);
        var written = new List<string>();

        var lossPath = Path.Combine(folder, HtmlReport.LossFile);
        ReportPlots.SaveLoss(lossPath, content.History);
        written.Add(lossPath);

        var histogramPath = Path.Combine(folder, HtmlReport.HistogramFile);
        var histogram = await ReadHistogramAsync(scanId, content.Counts.Threshold, cancellationToken);
        ReportPlots.SaveHistogram(histogramPath, histogram, content.Counts.Threshold, content.Counts.ThresholdRule);
        written.Add(histogramPath);

        foreach (var row in content.Outliers)
        {
            var stripPath = Path.Combine(folder, row.StripFile);
            ReportPlots.SavePositionStrip(stripPath, row.Row.Value ?? string.Empty, row.Repair.PositionScores, row.Row.Score);
            written.Add(stripPath);
        }

        var pagePath = Path.Combine(folder, PageFile);
        HtmlReport.Write(pagePath, content);
        written.Add(pagePath);
        return written;
    }

    private async Task<ScanReportContent> ReadAsync(long scanId, int top, Action<string> log, CancellationToken cancellationToken)
    {
        var scan = await reader.FindScanAsync(scanId, cancellationToken)
            ?? throw new InvalidInputException($"Scan {scanId} was not found. List the scans with: SELECT * FROM ScanSummary;");
        if (scan.Counts is null || scan.ModelId is null)
        {
            var reason = scan.ErrorMessage is null ? string.Empty : $" ({scan.ErrorMessage})";
            throw new InvalidInputException(
                $"Scan {scanId} is {scan.Status}{reason}; only a succeeded scan has results to report.");
        }

        var model = await reader.FindModelAsync(scan.ModelId.Value, cancellationToken)
            ?? throw new InvalidOperationException($"Scan {scanId} names model {scan.ModelId}, which is not in the Models table.");
        var history = await reader.ReadHistoryAsync(model.ModelId, cancellationToken);
        var highest = await reader.ReadHighestScoresAsync(scanId, top, cancellationToken);
        var typical = await reader.ReadLowestScoresAsync(scanId, TypicalValues, cancellationToken);
        log($"Read scan {scanId}, model {model.Model.Name} version {model.Version} and {history.Count} epochs of training history.");

        using var sequenceModel = StoredModels.Load(model);
        var repair = new PositionRepair(typical.Select(row => row.Value).OfType<string>());
        var repaired = repair.Explain(sequenceModel, highest.Select(row => row.Value ?? string.Empty).ToList());
        log($"Scored per-position repairs of the top {highest.Count} values with the stored model.");

        var rows = highest
            .Select((row, i) => new ReportedRow(row, repaired[i], string.Create(CultureInfo.InvariantCulture, $"value-{i + 1}.png")))
            .ToList();
        return new ScanReportContent(scan, scan.Counts, model, history, rows);
    }

    private async Task<ScoreHistogram> ReadHistogramAsync(long scanId, double threshold, CancellationToken cancellationToken)
    {
        var (minimum, maximum) = await reader.ReadScoreRangeAsync(scanId, cancellationToken);
        var line = double.IsFinite(threshold) ? threshold : minimum ?? 0;
        var low = Math.Min(minimum ?? 0, line);
        var high = Math.Max(maximum ?? 0, line);
        var histogram = new ScoreHistogram(low, high, HistogramBins);
        await foreach (var score in reader.ReadScoresAsync(scanId, cancellationToken))
        {
            histogram.Add(score);
        }

        return histogram;
    }
}
