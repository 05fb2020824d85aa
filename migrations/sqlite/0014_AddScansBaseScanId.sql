-- An incremental scan scores only rows added since its base scan, the full scan whose model it reuses.
ALTER TABLE Scans ADD COLUMN BaseScanId INTEGER NULL REFERENCES Scans (ScanId);
