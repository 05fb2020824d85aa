namespace SeqAnomaly.Cli.Scanning;

/// <summary>The steps of a scan, in order.</summary>
public enum ScanStage
{
    Reading,
    Training,
    Scoring,
    Writing,
}

/// <summary>
/// One progress report of a scan: the step, how far it is (rows, or epochs while training) out of
/// the total when known, and a line for logs.
/// </summary>
public sealed record ScanProgress(ScanStage Stage, long Done, long? Total, string Message);
