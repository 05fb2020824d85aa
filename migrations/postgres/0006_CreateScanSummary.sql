CREATE VIEW anomaly.ScanSummary AS
SELECT
    ScanId,
    SourceTable,
    ValueColumn AS SourceColumn,
    KeyColumn,
    Status,
    StartedAt,
    FinishedAt,
    CAST(EXTRACT(EPOCH FROM (FinishedAt - StartedAt)) AS double precision) AS DurationSeconds,
    RowsRead,
    NullsSkipped,
    RowsScored,
    Outliers,
    ThresholdRule,
    Threshold,
    ModelId,
    ErrorMessage
FROM anomaly.Scans;
