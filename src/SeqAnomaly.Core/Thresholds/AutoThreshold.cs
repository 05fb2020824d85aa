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
    protected override double FromSorted(float[] sorted, double scoreFloor)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var distinct = sorted.AsSpan(0, RemoveRepeats(sorted));
        var (median, deviation) = RobustStatistics.MedianAndDeviation(distinct);
        var robust = median + (Deviations * RobustStatistics.NormalConsistency * deviation);
        return Math.Max(robust, scoreFloor);
    }

    /// <summary>Moves each distinct score of sorted scores to the front, in order, and returns how many there are.</summary>
    private static int RemoveRepeats(float[] sorted)
    {
        var count = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (!sorted[i].Equals(sorted[count - 1]))
            {
                sorted[count++] = sorted[i];
            }
        }

        return count;
    }

    /// <inheritdoc/>
    public override string ToString() => "auto";
}
