-- Roles for SeqAnomaly.Db on PostgreSQL. Run in the product's database, as a superuser or the owner of schema
-- anomaly, after the migrations; running it again changes nothing. Roles are shared by the whole cluster, the grants
-- belong to this database. Give a login a role with GRANT anomaly_reader TO some_login.
--
--   anomaly_reader     DBAs, analysts and BI dashboards: SELECT on the views only.
--   anomaly_requester  schedulers: EXECUTE on anomaly.RequestScan and anomaly.CancelScan only.
--   anomaly_worker     the login of `seqanomaly worker`: what it reads and writes in schema anomaly.
--
-- The views run with their owner's rights, so readers need no rights on the tables behind them. RequestScan's
-- checking function and CancelScan are SECURITY DEFINER with a pinned search_path, so requesters need none either.
-- The migrations revoke EXECUTE on those functions from PUBLIC.
-- This file is PostgreSQL, not T-SQL: the T-SQL parse checks skip files named *.postgres.sql.

DO $$
BEGIN
    CREATE ROLE anomaly_reader NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;

DO $$
BEGIN
    CREATE ROLE anomaly_requester NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;

DO $$
BEGIN
    CREATE ROLE anomaly_worker NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;

GRANT USAGE ON SCHEMA anomaly TO anomaly_reader, anomaly_requester, anomaly_worker;

GRANT SELECT ON anomaly.AnomalousSequences, anomaly.ScanSummary, anomaly.LatestScores, anomaly.ScanQueue,
    anomaly.ModelHistory TO anomaly_reader;

GRANT EXECUTE ON FUNCTION anomaly.RequestScan(text, text, text, jsonb),
    anomaly.RequestScanInSearchPath(text, text, text, jsonb, name[]),
    anomaly.CancelScan(bigint) TO anomaly_requester;

-- The worker claims, heartbeats and finishes requests, and writes each scan's model, history and scores.
-- Identity columns need no rights on their sequences.
GRANT SELECT, UPDATE ON anomaly.ScanRequests TO anomaly_worker;
GRANT SELECT ON anomaly.ScanArchitectures TO anomaly_worker;
GRANT SELECT, INSERT, UPDATE ON anomaly.Scans TO anomaly_worker;
GRANT SELECT, INSERT ON anomaly.Models, anomaly.TrainingHistory, anomaly.SequenceScores TO anomaly_worker;
-- Each scan checks the migration journal, so that a worker never writes into an older schema.
GRANT SELECT ON anomaly.schemaversions TO anomaly_worker;

-- The DBA grants SELECT on each source table that may be scanned, for example:
-- GRANT USAGE ON SCHEMA sales TO anomaly_worker;
-- GRANT SELECT ON sales.parts TO anomaly_worker;
