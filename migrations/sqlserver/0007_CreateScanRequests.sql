-- Scans queued by anomaly.RequestScan and run by `seqanomaly worker`. Times are UTC.
-- Options is a JSON object with any of: modelName, architecture, threshold, epochs, seed, retrain.
CREATE TABLE anomaly.ScanRequests
(
    RequestId   bigint IDENTITY(1, 1) NOT NULL,
    RequestedAt datetime2(3) NOT NULL,
    RequestedBy nvarchar(128) NOT NULL,
    SourceTable nvarchar(800) NOT NULL,
    KeyColumn   nvarchar(300) NOT NULL,
    ValueColumn nvarchar(300) NOT NULL,
    Options     nvarchar(max) NOT NULL,
    Status      varchar(10) NOT NULL,
    ClaimedBy   nvarchar(200) NULL,
    ClaimedAt   datetime2(3) NULL,
    HeartbeatAt datetime2(3) NULL,
    Attempts    int NOT NULL,
    ScanId      bigint NULL,
    Error       nvarchar(max) NULL,
    CONSTRAINT PK_ScanRequests PRIMARY KEY (RequestId),
    CONSTRAINT FK_ScanRequests_Scans FOREIGN KEY (ScanId) REFERENCES anomaly.Scans (ScanId),
    CONSTRAINT CK_ScanRequests_Status CHECK (Status IN ('Pending', 'Running', 'Succeeded', 'Failed', 'Cancelled')),
    CONSTRAINT CK_ScanRequests_Options CHECK (ISJSON(Options) = 1)
);

-- Workers look for the oldest Pending request and for Running ones whose heartbeat is too old.
CREATE INDEX IX_ScanRequests_Status ON anomaly.ScanRequests (Status, RequestId);
