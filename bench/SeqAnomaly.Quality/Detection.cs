namespace SeqAnomaly.Quality;

/// <summary>How well one architecture found one column's anomalies.</summary>
public sealed record Detection(
    string Column, string Architecture, string Rule, int Anomalies, int Flagged, int TruePositives, int TopKHits, double Seconds)
{
    /// <summary>Share of flagged rows that are anomalies; 1 when nothing is flagged.</summary>
    public double Precision => Flagged == 0 ? 1 : (double)TruePositives / Flagged;

    /// <summary>Share of anomalies that are flagged.</summary>
    public double Recall => Anomalies == 0 ? 1 : (double)TruePositives / Anomalies;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of anomalies among the k highest scores, k being the number of anomalies.</summary>
    public double PrecisionAtK => Anomalies == 0 ? 1 : (double)TopKHits / Anomalies;

    /// <summary>True when the architecture failed on this column; the counts are then zero.</summary>
    public bool IsFailure { get; private init; }

    /// <summary>A row for an architecture that failed on <paramref name="column"/>.</summary>
    public static Detection Failed(LabeledColumn column, string architecture, string rule) =>
        new(column.Name, architecture, rule, column.AnomalyCount, 0, 0, 0, double.NaN) { IsFailure = true };

    /// <summary>Measures flags and ranking of <paramref name="scores"/> against the column's truth.</summary>
    public static Detection Measure(
        LabeledColumn column, string architecture, string rule, IReadOnlyList<double> scores, double threshold, double seconds)
    {
        var flagged = 0;
        var hits = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] > threshold)
            {
                flagged++;
                hits += column.IsAnomaly[i] ? 1 : 0;
            }
        }

        // Ties at the k-th score are broken by row order, the same for every architecture.
        var topK = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => scores[i])
            .Take(column.AnomalyCount)
            .Count(i => column.IsAnomaly[i]);
        return new Detection(column.Name, architecture, rule, column.AnomalyCount, flagged, hits, topK, seconds);
    }
}
