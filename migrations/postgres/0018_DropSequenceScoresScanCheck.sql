-- A scan's scores are written only by the scan's own transaction, after its row in anomaly.Scans, and no scan
-- is ever deleted, so the foreign key from SequenceScores to Scans guarded nothing that can happen. PostgreSQL
-- checks it with a trigger per row: in the scale benchmark it took 3.7 s of the 5.6 s a binary COPY of
-- 1,000,000 scores spent in the server.
ALTER TABLE anomaly.SequenceScores DROP CONSTRAINT FK_SequenceScores_Scans;
