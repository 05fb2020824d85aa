using System.Security.Cryptography;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// Everything needed to rebuild a trained model: its architecture, the encoding and hyperparameters as
/// JSON, and the TorchSharp weights with their SHA-256.
/// </summary>
public sealed record ModelArtifact(string Architecture, string EncodingJson, string HyperparametersJson, byte[] Weights)
{
    /// <summary>Lower-case hex SHA-256 of <see cref="Weights"/>.</summary>
    public string WeightsSha256 => Convert.ToHexStringLower(SHA256.HashData(Weights));
}
