-- StartedAt and FinishedAt are UTC text in the form 'yyyy-MM-dd HH:mm:ss.fff'.
CREATE TABLE Scans
(
    ScanId        INTEGER NOT NULL CONSTRAINT PK_Scans PRIMARY KEY AUTOINCREMENT,
    ModelId       INTEGER NULL,
    SourceTable   TEXT NOT NULL,
    KeyColumn     TEXT NOT NULL,
    ValueColumn   TEXT NOT NULL,
    StartedAt     TEXT NOT NULL,
    FinishedAt    TEXT NULL,
    Status        TEXT NOT NULL,
    RowsRead      INTEGER NULL,
    NullsSkipped  INTEGER NULL,
    RowsScored    INTEGER NULL,
    Outliers      INTEGER NULL,
    ThresholdRule TEXT NULL,
    Threshold     REAL NULL,
    ErrorMessage  TEXT NULL,
    CONSTRAINT FK_Scans_Models FOREIGN KEY (ModelId) REFERENCES Models (ModelId),
    CONSTRAINT CK_Scans_Status CHECK (Status IN ('Running', 'Succeeded', 'Failed'))
);

-- Finds the latest succeeded scan of a column, which the AnomalousSequences view needs.
CREATE INDEX IX_Scans_Source ON Scans (SourceTable, ValueColumn, Status, FinishedAt);
