CREATE TABLE TrainingHistory
(
    ModelId        INTEGER NOT NULL,
    Epoch          INTEGER NOT NULL,
    TrainingLoss   REAL NOT NULL,
    ValidationLoss REAL NULL,
    CONSTRAINT PK_TrainingHistory PRIMARY KEY (ModelId, Epoch),
    CONSTRAINT FK_TrainingHistory_Models FOREIGN KEY (ModelId) REFERENCES Models (ModelId)
);
