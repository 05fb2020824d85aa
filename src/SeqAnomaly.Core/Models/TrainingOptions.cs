namespace SeqAnomaly.Core.Models;

/// <summary>Hyperparameters of one training run.</summary>
/// <param name="Epochs">
/// Passes over the training rows; null lets the architecture choose from the number of training rows
/// (<see cref="Characters.CharacterModel.EpochsFor"/>), or take <see cref="DefaultEpochs"/>.
/// </param>
/// <param name="BatchSize">Rows per optimizer step and per scoring batch.</param>
/// <param name="Seed">Seed of weight initialisation and shuffling; the same seed and data give the same scores.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="ValidationFraction">Share of shuffled rows held out to measure validation loss.</param>
public sealed record TrainingOptions(
    int? Epochs = TrainingOptions.DefaultEpochs,
    int BatchSize = 128,
    int Seed = 42,
    double LearningRate = 1e-3,
    double ValidationFraction = 0.2)
{
    /// <summary>Epochs of an architecture that does not choose them from the number of training rows.</summary>
    public const int DefaultEpochs = 30;

    /// <summary>Raises <see cref="InvalidInputException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        if (Epochs is { } epochs and < 1)
        {
            throw InvalidInputException.InvalidOption("--epochs", epochs.ToString(), "a whole number of at least 1");
        }

        if (BatchSize < 1)
        {
            throw InvalidInputException.InvalidOption("--batch-size", BatchSize.ToString(), "a whole number of at least 1");
        }

        if (!(LearningRate > 0))
        {
            throw InvalidInputException.InvalidOption("learning rate", LearningRate.ToString("R"), "a positive number");
        }

        if (!(ValidationFraction is >= 0 and < 1))
        {
            throw InvalidInputException.InvalidOption(
                "validation fraction", ValidationFraction.ToString("R"), "a number from 0 up to but not including 1");
        }
    }
}
