namespace SeqAnomaly.Core.Models;

/// <summary>A freshly trained model with its loss per epoch and the number of rows it was trained on.</summary>
public sealed record TrainedModel(ISequenceModel Model, IReadOnlyList<EpochLoss> History, int TrainingRows)
{
    /// <summary>Training loss of the last epoch.</summary>
    public double FinalTrainingLoss => History.Count == 0 ? double.NaN : History[^1].TrainingLoss;

    /// <summary>Validation loss of the last epoch; NaN when no rows were held out.</summary>
    public double FinalValidationLoss => History.Count == 0 ? double.NaN : History[^1].ValidationLoss;
}
