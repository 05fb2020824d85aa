using SeqAnomaly.Data;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>What a finished scan stored, for the summary.</summary>
public sealed record ScanResult(
    long ScanId,
    long ModelId,
    SourceColumn Source,
    ScanCounts Counts,
    TimeSpan ReadTime,
    TimeSpan TrainingTime,
    TimeSpan ScoringTime,
    TimeSpan WriteTime,
    IReadOnlyList<ScoreRow> TopOutliers);
