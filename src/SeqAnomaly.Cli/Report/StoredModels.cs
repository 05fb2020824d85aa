using SeqAnomaly.Core.Models;
using SeqAnomaly.Data;

namespace SeqAnomaly.Cli.Report;

/// <summary>Rebuilds models from their Models rows.</summary>
internal static class StoredModels
{
    /// <summary>Rebuilds <paramref name="stored"/>; its weights must match their recorded SHA-256.</summary>
    /// <exception cref="InvalidDataException">The weights do not match their SHA-256; the message names the model.</exception>
    public static ISequenceModel Load(StoredModel stored)
    {
        var row = stored.Model;
        var artifact = new ModelArtifact(row.Architecture, row.EncodingJson, row.HyperparametersJson, row.Weights);
        if (!string.Equals(artifact.WeightsSha256, row.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            // A changed or truncated weights value would otherwise give scores that look valid but are not.
            throw new InvalidDataException(
                $"Model '{row.Name}' version {stored.Version} (ModelId {stored.ModelId}) is damaged: its weights' "
                + $"SHA-256 is {artifact.WeightsSha256}, but the model records {row.WeightsSha256}. "
                + "Scan the column again to train a new version.");
        }

        return ModelCatalog.Load(artifact, row.WeightsSha256);
    }
}
