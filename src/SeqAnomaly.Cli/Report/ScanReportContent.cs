using SeqAnomaly.Data;
using SeqAnomaly.Data.Reports;

namespace SeqAnomaly.Cli.Report;

/// <summary>Everything the report page shows about one stored scan.</summary>
/// <param name="Scan">The Scans row.</param>
/// <param name="Counts">The scan's counts and threshold.</param>
/// <param name="Model">The model the scan trained.</param>
/// <param name="History">Loss per training epoch.</param>
/// <param name="Outliers">The highest-scored rows, highest first, with their explanations and strip images.</param>
internal sealed record ScanReportContent(
    StoredScan Scan,
    ScanCounts Counts,
    StoredModel Model,
    IReadOnlyList<EpochRow> History,
    IReadOnlyList<ReportedRow> Outliers);

/// <summary>One row of the report's outlier table.</summary>
/// <param name="Row">The stored score row.</param>
/// <param name="Repair">Per-position scores by repair and the explanation built from them.</param>
/// <param name="StripFile">File name of the per-position strip image, beside the page.</param>
internal sealed record ReportedRow(ScoreRow Row, RepairedValue Repair, string StripFile);
