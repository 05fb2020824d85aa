CREATE VIEW ScanSummary AS
SELECT
    ScanId,
    SourceTable,
    ValueColumn AS SourceColumn,
    KeyColumn,
    Status,
    StartedAt,
    FinishedAt,
    (julianday(FinishedAt) - julianday(StartedAt)) * 86400.0 AS DurationSeconds,
    RowsRead,
    NullsSkipped,
    RowsScored,
    Outliers,
    ThresholdRule,
    Threshold,
    ModelId,
    ErrorMessage
FROM Scans;
