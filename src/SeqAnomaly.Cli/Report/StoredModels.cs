using SeqAnomaly.Core.Models;
using SeqAnomaly.Data;

namespace SeqAnomaly.Cli.Report;

/// <summary>Rebuilds models from their Models rows.</summary>
internal static class StoredModels
{
    /// <summary>Rebuilds <paramref name="stored"/>; its weights must match their recorded SHA-256.</summary>
    public static ISequenceModel Load(StoredModel stored)
    {
        var row = stored.Model;
        var artifact = new ModelArtifact(row.Architecture, row.EncodingJson, row.HyperparametersJson, row.Weights);
        return ModelCatalog.Load(artifact, row.WeightsSha256);
    }
}
