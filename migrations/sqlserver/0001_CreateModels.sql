CREATE TABLE anomaly.Models
(
    ModelId             bigint IDENTITY(1, 1) NOT NULL,
    Name                nvarchar(200) NOT NULL,
    Version             int NOT NULL,
    CreatedAt           datetime2(3) NOT NULL, -- UTC
    SourceTable         nvarchar(max) NOT NULL,
    SourceColumn        nvarchar(max) NOT NULL,
    Architecture        nvarchar(max) NOT NULL,
    EncodingJson        nvarchar(max) NOT NULL,
    HyperparametersJson nvarchar(max) NOT NULL,
    TrainingRows        bigint NOT NULL,
    FinalTrainingLoss   float NOT NULL,
    FinalValidationLoss float NULL,
    ThresholdRule       nvarchar(max) NOT NULL,
    ThresholdValue      float NOT NULL,
    Weights             varbinary(max) NOT NULL,
    WeightsSha256       char(64) NOT NULL,
    CONSTRAINT PK_Models PRIMARY KEY (ModelId),
    CONSTRAINT UQ_Models_Name_Version UNIQUE (Name, Version)
);
