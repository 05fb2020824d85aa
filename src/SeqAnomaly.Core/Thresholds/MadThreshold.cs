using System.Globalization;

namespace SeqAnomaly.Core.Thresholds;

/// <summary>The median of the scores plus <see cref="Deviations"/> times their median absolute deviation.</summary>
public sealed record MadThreshold(double Deviations) : ThresholdRule
{
    /// <inheritdoc/>
    public override double Compute(IReadOnlyList<double> scores)
    {
        var (median, deviation) = RobustStatistics.MedianAndDeviation(scores.ToArray());
        return median + (Deviations * deviation);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"mad:{Deviations:R}");
}
