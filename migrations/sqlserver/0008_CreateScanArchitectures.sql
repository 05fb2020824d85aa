-- Model architectures a scan request may name. anomaly.RequestScan checks the option "architecture"
-- against this table, so a new architecture needs one INSERT here in a new migration.
CREATE TABLE anomaly.ScanArchitectures
(
    Name nvarchar(100) NOT NULL,
    CONSTRAINT PK_ScanArchitectures PRIMARY KEY (Name)
);

INSERT INTO anomaly.ScanArchitectures (Name) VALUES (N'charae'), (N'classic');
