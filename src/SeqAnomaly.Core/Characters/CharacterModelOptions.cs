namespace SeqAnomaly.Core.Characters;

/// <summary>Shape of a character model; stored with the model so that it reloads identically.</summary>
/// <param name="MaxLength">Most characters a value may have; longer values are flagged as over-length, never cut.</param>
/// <param name="HiddenSize">Size of the hidden layers.</param>
public sealed record CharacterModelOptions(int MaxLength = 64, int HiddenSize = 64)
{
    /// <summary>Raises <see cref="InvalidInputException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        if (MaxLength is < 1 or > 4096)
        {
            throw InvalidInputException.InvalidOption("--max-length", MaxLength.ToString(), "a whole number from 1 to 4096");
        }

        if (HiddenSize < 1)
        {
            throw InvalidInputException.InvalidOption("hidden size", HiddenSize.ToString(), "a whole number of at least 1");
        }
    }
}
