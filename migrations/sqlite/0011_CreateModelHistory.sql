-- One row per model and training epoch, with the model's identity and final losses.
CREATE VIEW ModelHistory AS
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
FROM Models AS m
JOIN TrainingHistory AS h ON h.ModelId = m.ModelId;
