CREATE TABLE anomaly.TrainingHistory
(
    ModelId        bigint NOT NULL,
    Epoch          integer NOT NULL,
    TrainingLoss   double precision NOT NULL,
    ValidationLoss double precision NULL,
    CONSTRAINT PK_TrainingHistory PRIMARY KEY (ModelId, Epoch),
    CONSTRAINT FK_TrainingHistory_Models FOREIGN KEY (ModelId) REFERENCES anomaly.Models (ModelId)
);
