-- The portable export of each model: weights, encoding and final threshold in a format that plain managed
-- code scores without TorchSharp (docs/portable-model.md). NULL for models stored before it existed.
ALTER TABLE anomaly.Models
    ADD COLUMN PortableModel bytea NULL,
    ADD COLUMN PortableModelSha256 char(64) NULL;
