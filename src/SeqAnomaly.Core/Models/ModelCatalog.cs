namespace SeqAnomaly.Core.Models;

/// <summary>The architectures this build knows, by the name given to <c>--architecture</c>.</summary>
public static class ModelCatalog
{
    /// <summary>Architecture used when none is given.</summary>
    public const string DefaultArchitecture = ClassicModel.Name;

    /// <summary>Names of every known architecture.</summary>
    public static IReadOnlyList<string> Architectures { get; } = [ClassicModel.Name];

    /// <summary>Trains a model of <paramref name="architecture"/> on <paramref name="values"/>.</summary>
    public static TrainedModel Train(
        string architecture, IReadOnlyList<string> values, TrainingOptions options, IProgress<EpochLoss>? progress = null) =>
        architecture switch
        {
            ClassicModel.Name => ClassicModel.Train(values, options, progress),
            _ => throw UnknownArchitecture(architecture),
        };

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
            ClassicModel.Name => ClassicModel.Load(artifact),
            _ => throw UnknownArchitecture(artifact.Architecture),
        };
    }

    private static InvalidInputException UnknownArchitecture(string architecture) =>
        InvalidInputException.InvalidOption("--architecture", architecture, string.Join(" or ", Architectures));
}
