using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>A validated scan: the source names as given by the user, and the model options.</summary>
public sealed record ScanRequest(
    string Table,
    string KeyColumn,
    string ValueColumn,
    string ModelName,
    string Architecture,
    ThresholdRule Threshold,
    TrainingOptions Training);
