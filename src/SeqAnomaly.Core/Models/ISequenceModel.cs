namespace SeqAnomaly.Core.Models;

/// <summary>A trained model that scores string values by reconstruction error; higher is more anomalous.</summary>
public interface ISequenceModel : IDisposable
{
    /// <summary>Architecture name, as given to <c>--architecture</c>.</summary>
    string Architecture { get; }

    /// <summary>Scores each value; the result has one score per value, in order.</summary>
    float[] Score(IReadOnlyList<string> values);

    /// <summary>Captures the model so that <see cref="ModelCatalog.Load"/> rebuilds it with identical scores.</summary>
    ModelArtifact Export();
}
