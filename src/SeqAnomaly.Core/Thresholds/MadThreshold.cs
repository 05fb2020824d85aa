using System.Globalization;

namespace SeqAnomaly.Core.Thresholds;

/// <summary>The median of the scores plus <see cref="Deviations"/> times their median absolute deviation.</summary>
public sealed record MadThreshold(double Deviations) : ThresholdRule
{
    /// <inheritdoc/>
    protected override double FromSorted(float[] sorted, double scoreFloor)
    {
        var (median, deviation) = RobustStatistics.MedianAndDeviation(sorted);
        return median + (Deviations * deviation);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mad:{Deviations:R}");
}
