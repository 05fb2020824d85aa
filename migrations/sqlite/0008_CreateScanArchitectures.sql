-- Model architectures a scan request may name. `seqanomaly request` checks the option "architecture"
-- against this table, so a new architecture needs one INSERT here in a new migration.
CREATE TABLE ScanArchitectures
(
    Name TEXT NOT NULL CONSTRAINT PK_ScanArchitectures PRIMARY KEY
);

INSERT INTO ScanArchitectures (Name) VALUES ('charae'), ('classic');
