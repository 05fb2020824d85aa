-- Every row's score from the latest succeeded scan of each (table, column), outliers or not.
CREATE VIEW LatestScores AS
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
FROM Scans AS s
JOIN SequenceScores AS r ON r.ScanId = s.ScanId
WHERE s.Status = 'Succeeded'
  AND NOT EXISTS
  (
      SELECT 1
      FROM Scans AS later
      WHERE later.SourceTable = s.SourceTable
        AND later.ValueColumn = s.ValueColumn
        AND later.Status = 'Succeeded'
        AND (later.FinishedAt > s.FinishedAt OR (later.FinishedAt = s.FinishedAt AND later.ScanId > s.ScanId))
  );
