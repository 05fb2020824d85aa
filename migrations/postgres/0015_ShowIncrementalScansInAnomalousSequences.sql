-- Outliers of the latest state of each (table, column): the latest succeeded full scan
-- (one with no BaseScanId) together with the succeeded incremental scans that extend it, so rows
-- added since the full scan show up without hiding the rows it scored.
CREATE OR REPLACE VIEW anomaly.AnomalousSequences AS
SELECT
    s.ScanId,
    s.SourceTable,
    s.ValueColumn AS SourceColumn,
    r.RowKey,
    r.Value,
    r.Score,
    s.Threshold,
    r.IsOutlier,
    r.Explanation,
    s.ModelId,
    s.FinishedAt AS ScannedAt
FROM anomaly.Scans AS s
JOIN anomaly.SequenceScores AS r ON r.ScanId = s.ScanId
JOIN anomaly.Scans AS b ON b.ScanId = COALESCE(s.BaseScanId, s.ScanId)
WHERE s.Status = 'Succeeded'
  AND b.Status = 'Succeeded'
  AND r.IsOutlier
  AND NOT EXISTS
  (
      SELECT 1
      FROM anomaly.Scans AS later
      WHERE later.SourceTable = b.SourceTable
        AND later.ValueColumn = b.ValueColumn
        AND later.Status = 'Succeeded'
        AND later.BaseScanId IS NULL
        AND (later.FinishedAt > b.FinishedAt OR (later.FinishedAt = b.FinishedAt AND later.ScanId > b.ScanId))
  );
