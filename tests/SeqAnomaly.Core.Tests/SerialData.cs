namespace SeqAnomaly.Core.Tests;

/// <summary>Seeded serials of the demo's form: [4 letters A-F][digit 0-2][3 letters from QWOPZXML].</summary>
internal static class SerialData
{
    public static List<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new string(
        [
            .. Enumerable.Range(0, 4).Select(_ => "ABCDEF"[random.Next(6)]),
            "012"[random.Next(3)],
            .. Enumerable.Range(0, 3).Select(_ => "QWOPZXML"[random.Next(8)]),
        ]))];
    }
}
