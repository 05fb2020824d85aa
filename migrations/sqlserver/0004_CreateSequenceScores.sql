-- The primary key is nonclustered because its key, bigint plus nvarchar(450), can reach 908 bytes:
-- over the 900-byte limit of a clustered index key, within the 1,700-byte limit of a nonclustered one.
-- Rows are clustered by scan instead, the order in which they are written and read.
CREATE TABLE anomaly.SequenceScores
(
    ScanId      bigint NOT NULL,
    RowKey      nvarchar(450) NOT NULL,
    Value       nvarchar(max) NULL,
    Score       float NOT NULL,
    IsOutlier   bit NOT NULL,
    Explanation nvarchar(max) NULL,
    CONSTRAINT PK_SequenceScores PRIMARY KEY NONCLUSTERED (ScanId, RowKey),
    CONSTRAINT FK_SequenceScores_Scans FOREIGN KEY (ScanId) REFERENCES anomaly.Scans (ScanId)
);

CREATE CLUSTERED INDEX CX_SequenceScores_ScanId ON anomaly.SequenceScores (ScanId);

-- The AnomalousSequences view reads only the outliers of a scan.
CREATE INDEX IX_SequenceScores_Outliers ON anomaly.SequenceScores (ScanId) WHERE IsOutlier = 1;
