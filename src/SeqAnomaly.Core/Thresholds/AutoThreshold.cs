namespace SeqAnomaly.Core.Thresholds;

/// <summary>
/// The default rule, which needs no anomaly rate. It takes the distinct scores, so that a value repeated
/// thousands of times counts once, and computes their median plus <see cref="Deviations"/> robust standard
/// deviations (1.4826 times the median absolute deviation). The threshold is that number or the model's
/// score floor, whichever is higher. For <c>charae</c> the floor is the score of a value whose least likely
/// character has probability 1/5,000, so on a column whose characters all fit, nothing is flagged however
/// narrow the score spread; and on a column the model fits poorly, only the far tail is flagged.
/// </summary>
public sealed record AutoThreshold : ThresholdRule
{
    /// <summary>Robust standard deviations above the median of distinct scores.</summary>
    public const double Deviations = 6;

    /// <inheritdoc/>
    /// <remarks>Without a model's floor, this is the robust part alone.</remarks>
    public override double Compute(IReadOnlyList<double> scores) => Compute(scores, double.NegativeInfinity);

    /// <inheritdoc/>
    public override double Compute(IReadOnlyList<double> scores, double scoreFloor)
    {
        if (scores.Count == 0)
        {
            return double.NaN;
        }

        var distinct = scores.Distinct().ToArray();
        var (median, deviation) = RobustStatistics.MedianAndDeviation(distinct);
        var robust = median + (Deviations * RobustStatistics.NormalConsistency * deviation);
        return Math.Max(robust, scoreFloor);
    }

    /// <inheritdoc/>
    public override string ToString() => "auto";
}
