-- An incremental scan scores only rows added since its base scan, the full scan whose model it reuses.
ALTER TABLE anomaly.Scans ADD COLUMN BaseScanId bigint NULL
    CONSTRAINT FK_Scans_BaseScan REFERENCES anomaly.Scans (ScanId);
