using SeqAnomaly.Core.Models;
using SeqAnomaly.Data;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>
/// The write pass's rows: each spooled row with its score, its flag and, for outliers, the model's
/// explanation. Explanations are computed a chunk at a time and once per distinct outlier value,
/// and the highest-scoring outliers are kept for the summary while the rows stream by.
/// </summary>
internal sealed class ScoreRowStream(
    ISequenceModel model,
    RowSpool spool,
    ScoreSpool scores,
    double threshold,
    int topCount,
    IProgress<ScanProgress>? progress)
{
    private const int ChunkSize = 4096;
    private const int ExplanationCacheCapacity = 100_000;

    private readonly Dictionary<string, string?> _explanations = new(StringComparer.Ordinal);
    private readonly PriorityQueue<ScoreRow, double> _top = new();
    private readonly float[] _chunkScores = new float[ChunkSize];

    /// <summary>Streams every row once; the database's bulk writer pulls them.</summary>
    public IEnumerable<ScoreRow> Rows(CancellationToken cancellationToken)
    {
        var chunk = new List<(string Key, string Value)>(ChunkSize);
        var index = 0L;
        scores.Rewind();
        foreach (var row in spool.ReadAll())
        {
            chunk.Add(row);
            if (chunk.Count < ChunkSize)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var scored in Complete(chunk))
            {
                yield return scored;
            }

            index += chunk.Count;
            chunk.Clear();
            if (index % ScanRunner.ProgressInterval < ChunkSize)
            {
                progress?.Report(new ScanProgress(ScanStage.Writing, index, scores.Count, $"Wrote {index:N0} of {scores.Count:N0} rows."));
            }
        }

        foreach (var scored in Complete(chunk))
        {
            yield return scored;
        }

        progress?.Report(new ScanProgress(ScanStage.Writing, scores.Count, scores.Count, $"Wrote {scores.Count:N0} rows."));
    }

    /// <summary>The highest-scoring outliers seen by <see cref="Rows"/>, highest first.</summary>
    public IReadOnlyList<ScoreRow> TopOutliers() =>
        [.. _top.UnorderedItems.Select(item => item.Element).OrderByDescending(row => row.Score).ThenBy(row => row.RowKey, StringComparer.Ordinal)];

    private List<ScoreRow> Complete(List<(string Key, string Value)> chunk)
    {
        var chunkScores = _chunkScores.AsSpan(0, chunk.Count);
        scores.Read(chunkScores);
        Explain(chunk, chunkScores);
        var rows = new List<ScoreRow>(chunk.Count);
        for (var i = 0; i < chunk.Count; i++)
        {
            var (key, value) = chunk[i];
            double score = chunkScores[i];
            var isOutlier = score > threshold;
            var row = new ScoreRow(key, value, score, isOutlier, isOutlier ? _explanations.GetValueOrDefault(value) : null);
            rows.Add(row);
            if (isOutlier)
            {
                KeepIfTop(row);
            }
        }

        return rows;
    }

    private void Explain(List<(string Key, string Value)> chunk, ReadOnlySpan<float> chunkScores)
    {
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < chunk.Count; i++)
        {
            var value = chunk[i].Value;
            if (chunkScores[i] > threshold && !_explanations.ContainsKey(value) && seen.Add(value))
            {
                missing.Add(value);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        if (_explanations.Count + missing.Count > ExplanationCacheCapacity)
        {
            _explanations.Clear();
        }

        var explanations = TorchGate.Run(() => model.Explain(missing));
        for (var i = 0; i < missing.Count; i++)
        {
            _explanations[missing[i]] = explanations[i];
        }
    }

    private void KeepIfTop(ScoreRow row)
    {
        if (topCount <= 0)
        {
            return;
        }

        if (_top.Count < topCount)
        {
            _top.Enqueue(row, row.Score);
        }
        else if (_top.TryPeek(out _, out var lowest) && row.Score > lowest)
        {
            _top.DequeueEnqueue(row, row.Score);
        }
    }
}
