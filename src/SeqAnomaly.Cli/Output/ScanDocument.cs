using SeqAnomaly.Cli.Scanning;

namespace SeqAnomaly.Cli.Output;

/// <summary>The JSON document <c>scan --json</c> prints: ids, source, counts, threshold, timings and top outliers.</summary>
internal sealed record ScanDocument(
    long ScanId,
    long ModelId,
    string Table,
    string KeyColumn,
    string ValueColumn,
    long RowsRead,
    long NullsSkipped,
    long RowsScored,
    long Outliers,
    string ThresholdRule,
    double Threshold,
    double ReadSeconds,
    double TrainingSeconds,
    double ScoringSeconds,
    double WriteSeconds,
    IReadOnlyList<ScanDocument.Outlier> TopOutliers)
{
    /// <summary>Builds the document of a finished scan.</summary>
    public static ScanDocument From(ScanResult result)
    {
        var counts = result.Counts;
        return new ScanDocument(
            result.ScanId,
            result.ModelId,
            result.Source.DisplayTable,
            result.Source.KeyColumn,
            result.Source.ValueColumn,
            counts.RowsRead,
            counts.NullsSkipped,
            counts.RowsScored,
            counts.Outliers,
            counts.ThresholdRule,
            counts.Threshold,
            result.ReadTime.TotalSeconds,
            result.TrainingTime.TotalSeconds,
            result.ScoringTime.TotalSeconds,
            result.WriteTime.TotalSeconds,
            result.TopOutliers.Select(row => new Outlier(row.RowKey, row.Value, row.Score, row.Explanation)).ToList());
    }

    /// <summary>One of the top outliers.</summary>
    internal sealed record Outlier(string RowKey, string? Value, double Score, string? Explanation);
}
