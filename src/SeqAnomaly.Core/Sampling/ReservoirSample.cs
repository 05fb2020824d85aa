namespace SeqAnomaly.Core.Sampling;

/// <summary>
/// A uniform random sample of at most <see cref="Capacity"/> items from a stream of unknown length
/// (reservoir sampling, Algorithm R): after n items, each of them is in the sample with probability
/// Capacity / n. The same seed and stream give the same sample.
/// </summary>
public sealed class ReservoirSample<T>
{
    private readonly List<T> _items;
    private readonly Random _random;

    public ReservoirSample(int capacity, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _items = new List<T>(Math.Min(capacity, 1 << 16));
        _random = new Random(seed);
    }

    /// <summary>Maximum number of items kept.</summary>
    public int Capacity { get; }

    /// <summary>Number of items offered so far.</summary>
    public long Seen { get; private set; }

    /// <summary>The sampled items, in stream order until the reservoir fills and in replacement order after.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>Offers one item from the stream.</summary>
    public void Add(T item)
    {
        Seen++;
        if (_items.Count < Capacity)
        {
            _items.Add(item);
            return;
        }

        var slot = _random.NextInt64(Seen);
        if (slot < Capacity)
        {
            _items[(int)slot] = item;
        }
    }
}
