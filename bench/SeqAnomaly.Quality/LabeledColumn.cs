namespace SeqAnomaly.Quality;

/// <summary>A column of values with the truth about each: true where the value is an anomaly.</summary>
public sealed record LabeledColumn(string Name, IReadOnlyList<string> Values, IReadOnlyList<bool> IsAnomaly)
{
    /// <summary>Number of true anomalies.</summary>
    public int AnomalyCount => IsAnomaly.Count(anomaly => anomaly);

    /// <summary>Builds a column of normal values and planted anomalies, shuffled by <paramref name="random"/>.</summary>
    public static LabeledColumn Shuffled(string name, IEnumerable<string> normal, IEnumerable<string> planted, Random random)
    {
        var rows = normal.Select(value => (value, false)).Concat(planted.Select(value => (value, true))).ToArray();
        random.Shuffle(rows);
        return new LabeledColumn(name, [.. rows.Select(row => row.value)], [.. rows.Select(row => row.Item2)]);
    }
}
