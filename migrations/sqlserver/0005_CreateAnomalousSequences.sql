-- Outliers of the latest succeeded scan of each (SourceTable, ValueColumn): the greatest FinishedAt,
-- then the greatest ScanId. A running or failed scan never replaces the results shown here.
CREATE VIEW anomaly.AnomalousSequences
AS
WITH RankedScans AS
(
    SELECT
        s.ScanId,
        s.SourceTable,
        s.ValueColumn,
        s.Threshold,
        s.ModelId,
        s.FinishedAt,
        ROW_NUMBER() OVER (
            PARTITION BY s.SourceTable, s.ValueColumn
            ORDER BY s.FinishedAt DESC, s.ScanId DESC) AS Recency
    FROM anomaly.Scans AS s
    WHERE s.Status = N'Succeeded'
)
SELECT
    l.ScanId,
    l.SourceTable,
    l.ValueColumn AS SourceColumn,
    r.RowKey,
    r.Value,
    r.Score,
    l.Threshold,
    r.IsOutlier,
    r.Explanation,
    l.ModelId,
    l.FinishedAt AS ScannedAt
FROM RankedScans AS l
JOIN anomaly.SequenceScores AS r ON r.ScanId = l.ScanId
WHERE l.Recency = 1
  AND r.IsOutlier = 1;
