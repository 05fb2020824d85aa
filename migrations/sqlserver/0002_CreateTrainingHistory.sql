CREATE TABLE anomaly.TrainingHistory
(
    ModelId        bigint NOT NULL,
    Epoch          int NOT NULL,
    TrainingLoss   float NOT NULL,
    ValidationLoss float NULL,
    CONSTRAINT PK_TrainingHistory PRIMARY KEY (ModelId, Epoch),
    CONSTRAINT FK_TrainingHistory_Models FOREIGN KEY (ModelId) REFERENCES anomaly.Models (ModelId)
);
