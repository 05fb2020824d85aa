-- CreatedAt is UTC text in the form 'yyyy-MM-dd HH:mm:ss.fff', which sorts in time order.
CREATE TABLE Models
(
    ModelId             INTEGER NOT NULL CONSTRAINT PK_Models PRIMARY KEY AUTOINCREMENT,
    Name                TEXT NOT NULL,
    Version             INTEGER NOT NULL,
    CreatedAt           TEXT NOT NULL,
    SourceTable         TEXT NOT NULL,
    SourceColumn        TEXT NOT NULL,
    Architecture        TEXT NOT NULL,
    EncodingJson        TEXT NOT NULL,
    HyperparametersJson TEXT NOT NULL,
    TrainingRows        INTEGER NOT NULL,
    FinalTrainingLoss   REAL NOT NULL,
    FinalValidationLoss REAL NULL,
    ThresholdRule       TEXT NOT NULL,
    ThresholdValue      REAL NOT NULL,
    Weights             BLOB NOT NULL,
    WeightsSha256       TEXT NOT NULL,
    CONSTRAINT UQ_Models_Name_Version UNIQUE (Name, Version),
    CONSTRAINT CK_Models_WeightsSha256 CHECK (length(WeightsSha256) = 64)
);
