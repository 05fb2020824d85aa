-- Database roles for SeqAnomaly.Db on SQL Server. Run in the product's database after the migrations; running it
-- again changes nothing. Add users to the roles with ALTER ROLE ... ADD MEMBER.
--
--   anomaly_reader     DBAs, analysts and BI dashboards: SELECT on the views only.
--   anomaly_requester  schedulers and SQL Agent jobs: EXECUTE on RequestScan and CancelScan only.
--   anomaly_worker     the login of `seqanomaly worker`: what it reads and writes in schema anomaly.
--
-- The views and procedures belong to the owner of schema anomaly, so ownership chaining lets readers and requesters
-- use them without rights on the tables behind them.

IF DATABASE_PRINCIPAL_ID(N'anomaly_reader') IS NULL
    CREATE ROLE anomaly_reader;
IF DATABASE_PRINCIPAL_ID(N'anomaly_requester') IS NULL
    CREATE ROLE anomaly_requester;
IF DATABASE_PRINCIPAL_ID(N'anomaly_worker') IS NULL
    CREATE ROLE anomaly_worker;
GO

GRANT SELECT ON OBJECT::anomaly.AnomalousSequences TO anomaly_reader;
GRANT SELECT ON OBJECT::anomaly.ScanSummary TO anomaly_reader;
GRANT SELECT ON OBJECT::anomaly.LatestScores TO anomaly_reader;
GRANT SELECT ON OBJECT::anomaly.ScanQueue TO anomaly_reader;
GRANT SELECT ON OBJECT::anomaly.ModelHistory TO anomaly_reader;

GRANT EXECUTE ON OBJECT::anomaly.RequestScan TO anomaly_requester;
GRANT EXECUTE ON OBJECT::anomaly.CancelScan TO anomaly_requester;

-- The worker claims, heartbeats and finishes requests, and writes each scan's model, history and scores.
GRANT SELECT, UPDATE ON OBJECT::anomaly.ScanRequests TO anomaly_worker;
GRANT SELECT ON OBJECT::anomaly.ScanArchitectures TO anomaly_worker;
GRANT SELECT, INSERT, UPDATE ON OBJECT::anomaly.Scans TO anomaly_worker;
GRANT SELECT, INSERT ON OBJECT::anomaly.Models TO anomaly_worker;
GRANT SELECT, INSERT ON OBJECT::anomaly.TrainingHistory TO anomaly_worker;
GRANT SELECT, INSERT ON OBJECT::anomaly.SequenceScores TO anomaly_worker;
-- Each scan checks the migration journal, so that a worker never writes into an older schema.
-- NOTE: this assumes the journal is anomaly.SchemaVersions, as on PostgreSQL; change it if the migrator journals elsewhere.
GRANT SELECT ON OBJECT::anomaly.SchemaVersions TO anomaly_worker;

-- The DBA grants SELECT on each source table that may be scanned, for example:
-- GRANT SELECT ON OBJECT::sales.Parts TO anomaly_worker;
GO
