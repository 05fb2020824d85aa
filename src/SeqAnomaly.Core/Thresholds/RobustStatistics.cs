namespace SeqAnomaly.Core.Thresholds;

/// <summary>Median and median absolute deviation, the location and spread that a few outliers cannot move.</summary>
internal static class RobustStatistics
{
    /// <summary>Factor that turns the median absolute deviation of normal data into its standard deviation.</summary>
    public const double NormalConsistency = 1.4826;

    /// <summary>
    /// Median and median absolute deviation of values sorted in ascending order, without a copy. The
    /// deviations of the values below the median grow leftwards and those of the rest grow rightwards, so
    /// merging the two runs from the median outwards meets the deviations in ascending order.
    /// </summary>
    public static (double Median, double Deviation) MedianAndDeviation(ReadOnlySpan<float> sorted)
    {
        if (sorted.IsEmpty)
        {
            return (double.NaN, double.NaN);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : ((double)sorted[middle - 1] + sorted[middle]) / 2;

        var right = middle;
        while (right > 0 && sorted[right - 1] >= median)
        {
            right--;
        }

        var left = right - 1;
        double previous = 0;
        double current = 0;
        for (var taken = 0; taken <= middle; taken++)
        {
            previous = current;
            var fromLeft = left >= 0 ? median - sorted[left] : double.PositiveInfinity;
            var fromRight = right < sorted.Length ? sorted[right] - median : double.PositiveInfinity;
            if (fromLeft <= fromRight)
            {
                current = fromLeft;
                left--;
            }
            else
            {
                current = fromRight;
                right++;
            }
        }

        return (median, sorted.Length % 2 == 1 ? current : (previous + current) / 2);
    }
}
