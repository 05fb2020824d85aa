-- Model architectures a scan request may name. RequestScan and `seqanomaly request` check the option
-- "architecture" against this table, so a new architecture needs one INSERT here in a new migration.
CREATE TABLE anomaly.ScanArchitectures
(
    Name text NOT NULL,
    CONSTRAINT PK_ScanArchitectures PRIMARY KEY (Name)
);

INSERT INTO anomaly.ScanArchitectures (Name) VALUES ('charae'), ('classic');
