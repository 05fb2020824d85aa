-- Queries to start from on SQL Server. Each one reads the product's views and tables in schema anomaly.
-- Run them one at a time, or the whole file in SSMS or sqlcmd.

-- 1. Outliers of the latest successful scan of each (table, column), worst first.
SELECT SourceTable, SourceColumn, RowKey, Value, Score, Threshold, Explanation, ScanId, ScannedAt
FROM anomaly.AnomalousSequences
ORDER BY SourceTable, SourceColumn, Score DESC;
GO

-- 2. Outlier counts per column in the latest scans.
SELECT SourceTable, SourceColumn, COUNT(*) AS Outliers, MAX(Score) AS MaxScore, MAX(ScannedAt) AS ScannedAt
FROM anomaly.AnomalousSequences
GROUP BY SourceTable, SourceColumn
ORDER BY Outliers DESC;
GO

-- 3. Scan history with durations, newest first; running scans have no FinishedAt and no duration yet.
SELECT TOP (100)
    ScanId, SourceTable, SourceColumn, KeyColumn, Status, StartedAt, FinishedAt, DurationSeconds,
    RowsRead, NullsSkipped, RowsScored, Outliers, ThresholdRule, Threshold, ModelId, ErrorMessage
FROM anomaly.ScanSummary
ORDER BY StartedAt DESC, ScanId DESC;
GO

-- 4. Failed scans of the last 7 days with their error messages.
SELECT ScanId, SourceTable, SourceColumn, StartedAt, FinishedAt, ErrorMessage
FROM anomaly.ScanSummary
WHERE Status = N'Failed'
  AND StartedAt >= DATEADD(DAY, -7, SYSUTCDATETIME())
ORDER BY StartedAt DESC;
GO

-- 5. All scores of one table and column in its latest successful scan, outliers first.
--    Change the two values below; SourceTable is stored as schema.table.
DECLARE @SourceTable nvarchar(300) = N'dbo.Parts';
DECLARE @SourceColumn nvarchar(128) = N'Serial';

WITH LatestScan AS
(
    SELECT TOP (1) ScanId, Threshold
    FROM anomaly.Scans
    WHERE SourceTable = @SourceTable
      AND ValueColumn = @SourceColumn
      AND Status = N'Succeeded'
    ORDER BY FinishedAt DESC, ScanId DESC
)
SELECT r.RowKey, r.Value, r.Score, l.Threshold, r.IsOutlier, r.Explanation
FROM LatestScan AS l
JOIN anomaly.SequenceScores AS r ON r.ScanId = l.ScanId
ORDER BY r.IsOutlier DESC, r.Score DESC;
GO

-- 6. Models with their final losses and the number of training epochs, latest version first.
SELECT
    m.ModelId, m.Name, m.Version, m.CreatedAt, m.SourceTable, m.SourceColumn, m.Architecture,
    m.TrainingRows, m.FinalTrainingLoss, m.FinalValidationLoss, m.ThresholdRule, m.ThresholdValue,
    h.Epochs, DATALENGTH(m.Weights) AS WeightBytes
FROM anomaly.Models AS m
OUTER APPLY
(
    SELECT COUNT(*) AS Epochs
    FROM anomaly.TrainingHistory AS t
    WHERE t.ModelId = m.ModelId
) AS h
ORDER BY m.Name, m.Version DESC;
GO

-- 7. Loss curve of one model, for a chart.
DECLARE @ModelId bigint = 1;

SELECT Epoch, TrainingLoss, ValidationLoss
FROM anomaly.TrainingHistory
WHERE ModelId = @ModelId
ORDER BY Epoch;
GO
