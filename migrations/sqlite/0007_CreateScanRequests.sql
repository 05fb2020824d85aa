-- Scans queued by `seqanomaly request` and run by `seqanomaly worker`. RequestedAt, ClaimedAt and HeartbeatAt
-- are UTC text in the form 'yyyy-MM-dd HH:mm:ss.fff'. Options is a JSON object with any of: modelName,
-- architecture, threshold, epochs, seed, retrain.
CREATE TABLE ScanRequests
(
    RequestId   INTEGER NOT NULL CONSTRAINT PK_ScanRequests PRIMARY KEY AUTOINCREMENT,
    RequestedAt TEXT NOT NULL,
    RequestedBy TEXT NOT NULL,
    SourceTable TEXT NOT NULL,
    KeyColumn   TEXT NOT NULL,
    ValueColumn TEXT NOT NULL,
    Options     TEXT NOT NULL,
    Status      TEXT NOT NULL,
    ClaimedBy   TEXT NULL,
    ClaimedAt   TEXT NULL,
    HeartbeatAt TEXT NULL,
    Attempts    INTEGER NOT NULL,
    ScanId      INTEGER NULL,
    Error       TEXT NULL,
    CONSTRAINT FK_ScanRequests_Scans FOREIGN KEY (ScanId) REFERENCES Scans (ScanId),
    CONSTRAINT CK_ScanRequests_Status CHECK (Status IN ('Pending', 'Running', 'Succeeded', 'Failed', 'Cancelled')),
    CONSTRAINT CK_ScanRequests_Options CHECK (json_valid(Options) AND json_type(Options) = 'object')
);

-- Workers look for the oldest Pending request and for Running ones whose heartbeat is too old.
CREATE INDEX IX_ScanRequests_Status ON ScanRequests (Status, RequestId);
