namespace SeqAnomaly.Data.Reports;

/// <summary>A row of the Scans table as read back for a report.</summary>
/// <param name="ScanId">Id of the scan.</param>
/// <param name="ModelId">Model trained by the scan; null until it succeeds.</param>
/// <param name="SourceTable">Scanned table, <c>schema.table</c> where the engine has schemas.</param>
/// <param name="KeyColumn">Unique key column of the source table.</param>
/// <param name="ValueColumn">Scanned column.</param>
/// <param name="StartedAt">UTC start time.</param>
/// <param name="FinishedAt">UTC end time; null while running.</param>
/// <param name="Status">Running, Succeeded or Failed.</param>
/// <param name="Counts">Counts and threshold; null unless the scan succeeded.</param>
/// <param name="ErrorMessage">Why the scan failed; null otherwise.</param>
public sealed record StoredScan(
    long ScanId,
    long? ModelId,
    string SourceTable,
    string KeyColumn,
    string ValueColumn,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string Status,
    ScanCounts? Counts,
    string? ErrorMessage);
