using System.Runtime.InteropServices;
using SeqAnomaly.Core.Models;

namespace SeqAnomaly.Core.Scoring;

/// <summary>
/// Scores values in batches, scoring each distinct value once: scores of up to <see cref="CacheCapacity"/>
/// distinct values are kept, so a column of repeated values costs one model pass per distinct value.
/// Once the cache is full, new values are still scored, just not kept, so memory stays bounded. The cache
/// changes only the time spent, never a score.
/// </summary>
/// <remarks>
/// Once the cache contains <see cref="TrialSize"/> values, it keeps taking new ones only while at least one
/// lookup in <see cref="MaxLookupsPerHit"/> has found a value seen before. A column of mostly distinct values thus
/// does not fill the cache with values that never come back, which costs memory and collection time.
/// </remarks>
public sealed class CachedScorer(ISequenceModel model, int cacheCapacity)
{
    /// <summary>Values the cache takes before the hit rate decides whether it takes more.</summary>
    public const int TrialSize = 1 << 16;

    /// <summary>Most lookups per hit at which the cache still grows past <see cref="TrialSize"/>.</summary>
    public const int MaxLookupsPerHit = 8;

    private readonly Dictionary<string, float> _cache = new(StringComparer.Ordinal);
    private long _lookups;
    private long _hits;

    // Per batch: the values the cache lacks, each once, and for every value where its score comes from.
    private readonly Dictionary<string, int> _missingIndex = new(StringComparer.Ordinal);
    private readonly List<string> _missing = [];
    private int[] _sources = [];

    /// <summary>Maximum number of distinct values whose scores are kept.</summary>
    public int CacheCapacity { get; } = cacheCapacity;

    /// <summary>Number of values the model itself scored.</summary>
    public long ModelScored { get; private set; }

    /// <summary>Number of distinct values whose scores are kept.</summary>
    public int Cached => _cache.Count;

    private bool Admits => _cache.Count < CacheCapacity && (_cache.Count < TrialSize || _hits * MaxLookupsPerHit >= _lookups);

    /// <summary>Writes the score of each value into <paramref name="scores"/>, in order.</summary>
    public void Score(IReadOnlyList<string> values, Span<float> scores)
    {
        if (_sources.Length < values.Count)
        {
            _sources = new int[values.Count];
        }

        _missing.Clear();
        _missingIndex.Clear();
        _lookups += values.Count;
        for (var i = 0; i < values.Count; i++)
        {
            if (_cache.TryGetValue(values[i], out var cached))
            {
                scores[i] = cached;
                _sources[i] = -1;
                _hits++;
                continue;
            }

            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_missingIndex, values[i], out var known);
            if (known)
            {
                _hits++;
            }
            else
            {
                index = _missing.Count;
                _missing.Add(values[i]);
            }

            _sources[i] = index;
        }

        if (_missing.Count == 0)
        {
            return;
        }

        var computed = TorchGate.Run(() => model.Score(_missing));
        ModelScored += _missing.Count;
        for (var j = 0; j < _missing.Count && Admits; j++)
        {
            _cache[_missing[j]] = computed[j];
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (_sources[i] >= 0)
            {
                scores[i] = computed[_sources[i]];
            }
        }
    }
}
