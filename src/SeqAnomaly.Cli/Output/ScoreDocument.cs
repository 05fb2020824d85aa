namespace SeqAnomaly.Cli.Output;

/// <summary>What <c>score</c> prints: the model used and, for each value, its score, flag and explanation.</summary>
internal sealed record ScoreDocument(
    string Model,
    int Version,
    long ModelId,
    string Architecture,
    string ThresholdRule,
    double Threshold,
    IReadOnlyList<ScoreDocument.Result> Results)
{
    /// <summary>One scored value; <see cref="IsOutlier"/> is true when its score is greater than the threshold.</summary>
    internal sealed record Result(
        string Value, double Score, bool IsOutlier, string? Explanation, IReadOnlyList<double> PositionScores);
}
