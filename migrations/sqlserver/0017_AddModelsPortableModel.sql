-- The portable export of each model: weights, encoding and final threshold in a format that the SQL CLR
-- functions score without TorchSharp (docs/portable-model.md). NULL for models stored before it existed.
ALTER TABLE anomaly.Models ADD
    PortableModel       varbinary(max) NULL,
    PortableModelSha256 char(64) NULL;
