-- One row per model and training epoch, with the model's identity and final losses.
CREATE VIEW anomaly.ModelHistory AS
SELECT
    m.ModelId,
    m.Name,
    m.Version,
    m.CreatedAt,
    m.SourceTable,
    m.SourceColumn,
    m.Architecture,
    h.Epoch,
    h.TrainingLoss,
    h.ValidationLoss,
    m.FinalTrainingLoss,
    m.FinalValidationLoss
FROM anomaly.Models AS m
JOIN anomaly.TrainingHistory AS h ON h.ModelId = m.ModelId;
