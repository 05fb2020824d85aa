using System.Globalization;

namespace SeqAnomaly.Core.Thresholds;

/// <summary>
/// Flags the <see cref="Count"/> highest scores: the threshold is the next score down. Rows tied with it
/// are not flagged, so ties can flag fewer. With no more scores than <see cref="Count"/>, every row is flagged:
/// the threshold is then the largest number below the lowest score, a finite number that every database can store.
/// </summary>
public sealed record TopThreshold(int Count) : ThresholdRule
{
    /// <inheritdoc/>
    protected override double FromSorted(float[] sorted, double scoreFloor)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length <= Count ? Math.BitDecrement((double)sorted[0]) : sorted[sorted.Length - 1 - Count];
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"top:{Count}");
}
