namespace SeqAnomaly.Quality;

/// <summary>
/// The demo column, generated as the command line's demo does: 25,000 serials of the form
/// [4 letters A-F][digit 0-2][3 letters from QWOPZXML] and five planted values, shuffled by the seed.
/// </summary>
public static class DemoSerials
{
    /// <summary>The five planted anomalies.</summary>
    public static IReadOnlyList<string> Planted { get; } = ["XYDC2DCA", "TXSX1ABC", "RNIU4XRE", "AABDXUEI", "SDRAC5RF"];

    /// <summary>Generates the column for <paramref name="seed"/>.</summary>
    public static LabeledColumn Generate(int seed)
    {
        var random = new Random(seed);
        var serials = new List<string>(25_000 + Planted.Count);
        Span<char> serial = stackalloc char[8];
        for (var i = 0; i < 25_000; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                serial[j] = "ABCDEF"[random.Next(6)];
            }

            serial[4] = "012"[random.Next(3)];
            for (var j = 5; j < 8; j++)
            {
                serial[j] = "QWOPZXML"[random.Next(8)];
            }

            serials.Add(new string(serial));
        }

        serials.AddRange(Planted);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(serials));
        var planted = Planted.ToHashSet(StringComparer.Ordinal);
        return new LabeledColumn($"demo serials, seed {seed}", serials, [.. serials.Select(planted.Contains)]);
    }
}
