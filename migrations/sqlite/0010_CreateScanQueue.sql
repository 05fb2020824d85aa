-- Scan requests with their status, their age and the time since their worker's last heartbeat, in seconds.
CREATE VIEW ScanQueue AS
SELECT
    RequestId,
    Status,
    SourceTable,
    KeyColumn,
    ValueColumn,
    Options,
    RequestedAt,
    RequestedBy,
    (julianday('now') - julianday(RequestedAt)) * 86400.0 AS AgeSeconds,
    ClaimedBy,
    ClaimedAt,
    HeartbeatAt,
    (julianday('now') - julianday(HeartbeatAt)) * 86400.0 AS HeartbeatAgeSeconds,
    Attempts,
    ScanId,
    Error
FROM ScanRequests;
