CREATE TABLE anomaly.Scans
(
    ScanId        bigint IDENTITY(1, 1) NOT NULL,
    ModelId       bigint NULL,
    SourceTable   nvarchar(max) NOT NULL,
    KeyColumn     nvarchar(max) NOT NULL,
    ValueColumn   nvarchar(max) NOT NULL,
    StartedAt     datetime2(3) NOT NULL, -- UTC
    FinishedAt    datetime2(3) NULL,     -- UTC
    Status        nvarchar(20) NOT NULL,
    RowsRead      bigint NULL,
    NullsSkipped  bigint NULL,
    RowsScored    bigint NULL,
    Outliers      bigint NULL,
    ThresholdRule nvarchar(max) NULL,
    Threshold     float NULL,
    ErrorMessage  nvarchar(max) NULL,
    CONSTRAINT PK_Scans PRIMARY KEY (ScanId),
    CONSTRAINT FK_Scans_Models FOREIGN KEY (ModelId) REFERENCES anomaly.Models (ModelId),
    CONSTRAINT CK_Scans_Status CHECK (Status IN (N'Running', N'Succeeded', N'Failed'))
);
