-- Scan requests with their status, their age and the time since their worker's last heartbeat, in seconds.
CREATE VIEW anomaly.ScanQueue AS
SELECT
    RequestId,
    Status,
    SourceTable,
    KeyColumn,
    ValueColumn,
    Options,
    RequestedAt,
    RequestedBy,
    DATEDIFF_BIG(millisecond, RequestedAt, SYSUTCDATETIME()) / 1000.0 AS AgeSeconds,
    ClaimedBy,
    ClaimedAt,
    HeartbeatAt,
    DATEDIFF_BIG(millisecond, HeartbeatAt, SYSUTCDATETIME()) / 1000.0 AS HeartbeatAgeSeconds,
    Attempts,
    ScanId,
    Error
FROM anomaly.ScanRequests;
