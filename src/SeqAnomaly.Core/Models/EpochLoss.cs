namespace SeqAnomaly.Core.Models;

/// <summary>Mean losses after one epoch of <paramref name="Epochs"/>; validation loss is NaN when no rows were held out.</summary>
public sealed record EpochLoss(int Epoch, double TrainingLoss, double ValidationLoss, int Epochs);
