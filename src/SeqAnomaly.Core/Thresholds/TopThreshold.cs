using System.Globalization;

namespace SeqAnomaly.Core.Thresholds;

/// <summary>
/// Flags the <see cref="Count"/> highest scores: the threshold is the next score down. Rows tied with it
/// are not flagged, so ties can flag fewer; with no more scores than <see cref="Count"/>, every row is flagged.
/// </summary>
public sealed record TopThreshold(int Count) : ThresholdRule
{
    /// <inheritdoc/>
    protected override double FromSorted(float[] sorted, double scoreFloor) =>
        sorted.Length <= Count ? double.NegativeInfinity : sorted[sorted.Length - 1 - Count];

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"top:{Count}");
}
