namespace SeqAnomaly.Core.Thresholds;

/// <summary>Median and median absolute deviation, the location and spread that a few outliers cannot move.</summary>
internal static class RobustStatistics
{
    /// <summary>Factor that turns the median absolute deviation of normal data into its standard deviation.</summary>
    public const double NormalConsistency = 1.4826;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static (double Median, double Deviation) MedianAndDeviation(IReadOnlyCollection<double> values)
    {
        var median = Median(values);
        return (median, Median(values.Select(value => Math.Abs(value - median))));
    }
}
