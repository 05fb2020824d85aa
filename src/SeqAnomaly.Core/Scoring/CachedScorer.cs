using SeqAnomaly.Core.Models;

namespace SeqAnomaly.Core.Scoring;

/// <summary>
/// Scores values in batches, scoring each distinct value once: scores of up to <see cref="CacheCapacity"/>
/// distinct values are kept, so a column of repeated values costs one model pass per distinct value.
/// Once the cache is full, new values are still scored, just not kept, so memory stays bounded.
/// </summary>
public sealed class CachedScorer(ISequenceModel model, int cacheCapacity)
{
    private readonly Dictionary<string, float> _cache = new(StringComparer.Ordinal);

    /// <summary>Maximum number of distinct values whose scores are kept.</summary>
    public int CacheCapacity { get; } = cacheCapacity;

    /// <summary>Number of values the model itself scored.</summary>
    public long ModelScored { get; private set; }

    /// <summary>Writes the score of each value into <paramref name="scores"/>, in order.</summary>
    public void Score(IReadOnlyList<string> values, Span<float> scores)
    {
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!_cache.ContainsKey(value) && seen.Add(value))
            {
                missing.Add(value);
            }
        }

        var fresh = new Dictionary<string, float>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            var computed = TorchGate.Run(() => model.Score(missing));
            ModelScored += missing.Count;
            for (var i = 0; i < missing.Count; i++)
            {
                fresh[missing[i]] = computed[i];
                if (_cache.Count < CacheCapacity)
                {
                    _cache[missing[i]] = computed[i];
                }
            }
        }

        for (var i = 0; i < values.Count; i++)
        {
            scores[i] = _cache.TryGetValue(values[i], out var score) ? score : fresh[values[i]];
        }
    }
}
