using SeqAnomaly.Core.Characters;

namespace SeqAnomaly.Core.Models;

/// <summary>The architectures of this build, by the name given to <c>--architecture</c>.</summary>
public static class ModelCatalog
{
    /// <summary>Architecture used when none is given.</summary>
    public const string DefaultArchitecture = CharacterModel.Name;

    /// <summary>Threshold rule used with <see cref="DefaultArchitecture"/> when none is given.</summary>
    public const string DefaultThreshold = "auto";

    /// <summary>Threshold rule used with <paramref name="architecture"/> when none is given.</summary>
    public static string DefaultThresholdRule(string architecture) =>
        architecture switch
        {
            CharacterModel.Name => DefaultThreshold,
            ClassicModel.Name => ClassicModel.DefaultThreshold,
            _ => throw UnknownArchitecture(architecture),
        };

    /// <summary>Names of every known architecture.</summary>
    public static IReadOnlyList<string> Architectures { get; } = [CharacterModel.Name, ClassicModel.Name];

    /// <summary>Training options that suit <paramref name="architecture"/> when the user sets none.</summary>
    public static TrainingOptions DefaultTrainingOptions(string architecture) =>
        architecture switch
        {
            CharacterModel.Name => CharacterModel.DefaultTrainingOptions,
            ClassicModel.Name => new TrainingOptions(),
            _ => throw UnknownArchitecture(architecture),
        };

    /// <summary>Trains a model of <paramref name="architecture"/> on <paramref name="values"/>.</summary>
    /// <param name="architecture">One of <see cref="Architectures"/>.</param>
    /// <param name="values">The column's values, duplicates included, since frequency matters.</param>
    /// <param name="options">Training options; see <see cref="DefaultTrainingOptions"/>.</param>
    /// <param name="progress">Receives each epoch's losses.</param>
    /// <param name="maxLength">
    /// Most characters a <c>charae</c> value may have; longer values are flagged as over-length. The classic
    /// model rejects a <paramref name="longestValue"/> above it.
    /// </param>
    /// <param name="longestValue">
    /// Characters in the longest value that will be scored, when <paramref name="values"/> is a sample of the
    /// column. The classic model pads to at least this width; <c>charae</c> ignores it.
    /// </param>
    /// <param name="cancellationToken">Checked before each training batch.</param>
    public static TrainedModel Train(
        string architecture,
        IReadOnlyList<string> values,
        TrainingOptions options,
        IProgress<EpochLoss>? progress = null,
        int maxLength = 64,
        int longestValue = 1,
        CancellationToken cancellationToken = default) =>
        TorchGate.Run(() => architecture switch
        {
            CharacterModel.Name => CharacterModel.Train(
                values, options, new CharacterModelOptions(MaxLength: maxLength), progress, cancellationToken),
            ClassicModel.Name => ClassicModel.Train(
                values, options, progress, ClassicWidth(longestValue, maxLength), cancellationToken),
            _ => throw UnknownArchitecture(architecture),
        });

    /// <summary>
    /// Raises <see cref="InvalidInputException"/> when <paramref name="architecture"/> cannot represent a column whose
    /// longest value has <paramref name="longestValue"/> characters, as <see cref="Train"/> would after reading.
    /// </summary>
    public static void CheckLongestValue(string architecture, int longestValue, int maxLength)
    {
        if (architecture == ClassicModel.Name)
        {
            ClassicWidth(longestValue, maxLength);
        }
    }

    // The classic model is as wide as the longest value and stores every training row at that width, so one
    // value of a megabyte would need gigabytes of memory. Longer values than the maximum are rejected.
    private static int ClassicWidth(int longestValue, int maxLength) =>
        longestValue <= maxLength
            ? longestValue
            : throw new InvalidInputException(
                $"The column has a value of {longestValue:N0} characters, but the classic architecture represents "
                + $"values of at most {maxLength:N0} (--max-length). Raise --max-length, or use --architecture "
                + "charae, which flags longer values as over-length.");

    /// <summary>Rebuilds a stored model; the weights' checksum must match.</summary>
    public static ISequenceModel Load(ModelArtifact artifact, string expectedSha256)
    {
        if (!string.Equals(artifact.WeightsSha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"The stored weights' SHA-256 is {artifact.WeightsSha256}, but the model records {expectedSha256}.");
        }

        return artifact.Architecture switch
        {
            CharacterModel.Name => CharacterModel.Load(artifact),
            ClassicModel.Name => ClassicModel.Load(artifact),
            _ => throw UnknownArchitecture(artifact.Architecture),
        };
    }

    private static InvalidInputException UnknownArchitecture(string architecture) =>
        InvalidInputException.InvalidOption("--architecture", architecture, string.Join(" or ", Architectures));
}
