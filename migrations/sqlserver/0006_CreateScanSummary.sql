-- One row per scan. DurationSeconds is null while the scan runs, because FinishedAt is.
CREATE VIEW anomaly.ScanSummary
AS
SELECT
    ScanId,
    SourceTable,
    ValueColumn AS SourceColumn,
    KeyColumn,
    Status,
    StartedAt,
    FinishedAt,
    CAST(DATEDIFF_BIG(MILLISECOND, StartedAt, FinishedAt) AS float) / 1000.0 AS DurationSeconds,
    RowsRead,
    NullsSkipped,
    RowsScored,
    Outliers,
    ThresholdRule,
    Threshold,
    ModelId,
    ErrorMessage
FROM anomaly.Scans;
