namespace SeqAnomaly.Cli.Report;

/// <summary>Counts of scores in equal-width bins over a fixed range, filled one score at a time.</summary>
internal sealed class ScoreHistogram
{
    /// <summary>Creates empty bins covering <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public ScoreHistogram(double minimum, double maximum, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        Minimum = minimum;
        BinWidth = maximum > minimum ? (maximum - minimum) / binCount : 1;
        Counts = new long[binCount];
    }

    /// <summary>Lower edge of the first bin.</summary>
    public double Minimum { get; }

    /// <summary>Width of every bin, in score units.</summary>
    public double BinWidth { get; }

    /// <summary>Number of scores in each bin.</summary>
    public long[] Counts { get; }

    /// <summary>Counts <paramref name="score"/> in its bin; scores outside the range go to the first or last bin.</summary>
    public void Add(double score)
    {
        var bin = (int)Math.Floor((score - Minimum) / BinWidth);
        Counts[Math.Clamp(bin, 0, Counts.Length - 1)]++;
    }

    /// <summary>Score at the middle of bin <paramref name="bin"/>.</summary>
    public double Center(int bin) => Minimum + ((bin + 0.5) * BinWidth);
}
