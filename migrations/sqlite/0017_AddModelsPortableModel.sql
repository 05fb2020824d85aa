-- The portable export of each model: weights, encoding and final threshold in a format that plain managed
-- code scores without TorchSharp (docs/portable-model.md). NULL for models stored before it existed.
ALTER TABLE Models ADD COLUMN PortableModel BLOB NULL;
ALTER TABLE Models ADD COLUMN PortableModelSha256 TEXT NULL
    CONSTRAINT CK_Models_PortableModelSha256 CHECK (PortableModelSha256 IS NULL OR length(PortableModelSha256) = 64);
