CREATE TABLE SequenceScores
(
    ScanId      INTEGER NOT NULL,
    RowKey      TEXT NOT NULL,
    Value       TEXT NULL,
    Score       REAL NOT NULL,
    IsOutlier   INTEGER NOT NULL,
    Explanation TEXT NULL,
    CONSTRAINT PK_SequenceScores PRIMARY KEY (ScanId, RowKey),
    CONSTRAINT FK_SequenceScores_Scans FOREIGN KEY (ScanId) REFERENCES Scans (ScanId),
    CONSTRAINT CK_SequenceScores_IsOutlier CHECK (IsOutlier IN (0, 1))
);
