namespace SeqAnomaly.Data.Reports;

// Dapper targets: settable properties in the engines' own types, converted to the public records.
public sealed partial class ScanReader
{
    private sealed class ScanRecord
    {
        public long ScanId { get; set; }

        public long? ModelId { get; set; }

        public string SourceTable { get; set; } = "";

        public string KeyColumn { get; set; } = "";

        public string ValueColumn { get; set; } = "";

        public object StartedAt { get; set; } = "";

        public object? FinishedAt { get; set; }

        public string Status { get; set; } = "";

        public long? RowsRead { get; set; }

        public long? NullsSkipped { get; set; }

        public long? RowsScored { get; set; }

        public long? Outliers { get; set; }

        public string? ThresholdRule { get; set; }

        public double? Threshold { get; set; }

        public string? ErrorMessage { get; set; }

        public StoredScan ToStoredScan()
        {
            var counts = Status == "Succeeded" && ThresholdRule is not null
                ? new ScanCounts(
                    RowsRead ?? 0, NullsSkipped ?? 0, RowsScored ?? 0, Outliers ?? 0, ThresholdRule, Threshold ?? double.NaN)
                : null;
            return new StoredScan(
                ScanId,
                ModelId,
                SourceTable,
                KeyColumn,
                ValueColumn,
                StoredTimestamp.Read(StartedAt),
                FinishedAt is null ? null : StoredTimestamp.Read(FinishedAt),
                Status,
                counts,
                ErrorMessage);
        }
    }

    private sealed class EpochRecord
    {
        public int Epoch { get; set; }

        public double TrainingLoss { get; set; }

        public double? ValidationLoss { get; set; }
    }

    private sealed class ScoreRecord
    {
        public string RowKey { get; set; } = "";

        public string? Value { get; set; }

        public double Score { get; set; }

        public bool IsOutlier { get; set; }

        public string? Explanation { get; set; }
    }
}
