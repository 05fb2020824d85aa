CREATE TABLE anomaly.SequenceScores
(
    ScanId      bigint NOT NULL,
    RowKey      text NOT NULL,
    Value       text NULL,
    Score       double precision NOT NULL,
    IsOutlier   boolean NOT NULL,
    Explanation text NULL,
    CONSTRAINT PK_SequenceScores PRIMARY KEY (ScanId, RowKey),
    CONSTRAINT FK_SequenceScores_Scans FOREIGN KEY (ScanId) REFERENCES anomaly.Scans (ScanId)
);
