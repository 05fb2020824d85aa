using System.Text;

namespace SeqAnomaly.Quality;

/// <summary>
/// The baseline a data profiler gives: each value's mask, with upper-case letters as <c>A</c>, lower-case
/// letters as <c>a</c> and digits as <c>9</c>, other characters kept. A value is flagged when its mask
/// covers less than <see cref="RareShare"/> of the column; its score is one minus that share.
/// </summary>
public static class PatternProfiler
{
    /// <summary>Share of the column below which a mask is rare.</summary>
    public const double RareShare = 0.01;

    /// <summary>Scores every value; scores above <c>1 - RareShare</c> are flagged.</summary>
    public static double[] Score(IReadOnlyList<string> values)
    {
        var masks = values.Select(Mask).ToArray();
        var counts = masks.CountBy(mask => mask).ToDictionary(StringComparer.Ordinal);
        return [.. masks.Select(mask => 1.0 - ((double)counts[mask] / values.Count))];
    }

    /// <summary>Threshold on <see cref="Score"/>: rows above it have a rare mask.</summary>
    public static double Threshold => 1.0 - RareShare;

    private static string Mask(string value)
    {
        var mask = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            mask.Append(
                Rune.IsUpper(rune) ? "A"
                : Rune.IsLower(rune) ? "a"
                : Rune.IsDigit(rune) ? "9"
                : rune.ToString());
        }

        return mask.ToString();
    }
}
