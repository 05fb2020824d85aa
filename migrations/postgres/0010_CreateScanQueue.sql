-- Scan requests with their status, their age and the time since their worker's last heartbeat, in seconds.
CREATE VIEW anomaly.ScanQueue AS
SELECT
    RequestId,
    Status,
    SourceTable,
    KeyColumn,
    ValueColumn,
    Options::text AS Options,
    RequestedAt,
    RequestedBy,
    CAST(EXTRACT(EPOCH FROM (now() - RequestedAt)) AS double precision) AS AgeSeconds,
    ClaimedBy,
    ClaimedAt,
    HeartbeatAt,
    CAST(EXTRACT(EPOCH FROM (now() - HeartbeatAt)) AS double precision) AS HeartbeatAgeSeconds,
    Attempts,
    ScanId,
    Error
FROM anomaly.ScanRequests;
