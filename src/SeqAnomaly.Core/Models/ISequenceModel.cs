namespace SeqAnomaly.Core.Models;

/// <summary>A trained model that scores string values by reconstruction error; higher is more anomalous.</summary>
public interface ISequenceModel : IDisposable
{
    /// <summary>Architecture name, as given to <c>--architecture</c>.</summary>
    string Architecture { get; }

    /// <summary>
    /// Lowest score the <c>auto</c> threshold rule may use as threshold, in the model's own score unit:
    /// for <c>charae</c> the score of a value whose least likely character has probability 1/5,000; 0 for
    /// models whose score has no probability meaning.
    /// </summary>
    double OutlierScoreFloor { get; }

    /// <summary>Scores each value; the result has one score per value, in order.</summary>
    float[] Score(IReadOnlyList<string> values);

    /// <summary>
    /// Explains each value's score in words a reader understands without the model, for example
    /// <c>position 5: 'X' where a digit 0-2 was expected</c>; one entry per value, in order, null where
    /// the model gives none.
    /// </summary>
    string?[] Explain(IReadOnlyList<string> values);

    /// <summary>
    /// Writes the model in the portable format, with <paramref name="threshold"/> as its final threshold, so that
    /// plain managed code such as the SQL Server CLR functions computes the same scores and explanations.
    /// </summary>
    byte[] ExportPortable(double threshold);

    /// <summary>Captures the model so that <see cref="ModelCatalog.Load"/> rebuilds it with identical scores.</summary>
    ModelArtifact Export();
}
