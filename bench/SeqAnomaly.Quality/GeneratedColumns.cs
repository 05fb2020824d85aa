using System.Text;

namespace SeqAnomaly.Quality;

/// <summary>
/// Generated columns of other kinds, each with 10,000 well-formed values and planted anomalies of
/// several kinds: wrong character class, wrong length, wrong separator, wrong case and invalid codes.
/// </summary>
public static class GeneratedColumns
{
    private const int NormalCount = 10_000;
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Hex = "0123456789abcdef";

    private static readonly string[] s_aminoAcids =
    [
        "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE",
        "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
    ];

    private static readonly string[] s_surnames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
        "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
    ];

    /// <summary>Every generated column for <paramref name="seed"/>.</summary>
    public static IReadOnlyList<LabeledColumn> All(int seed) =>
        [VariableSerials(seed), AminoAcidTriplets(seed), Uuids(seed), MixedFormats(seed), UserNames(seed)];

    /// <summary>Serials of two upper-case letters and 4 to 8 digits.</summary>
    public static LabeledColumn VariableSerials(int seed)
    {
        var random = new Random(seed);
        string Serial() => Pick(random, Upper, 2) + Pick(random, Digits, random.Next(4, 9));
        var normal = Enumerable.Range(0, NormalCount).Select(_ => Serial()).ToList();
        string[] planted =
        [
            "AB12O45", "QX5S1234", "ZZ1234I6", "K7123456", "4B123456",
            "AB123456789012", "AB12", "A12345", "ABC12345", "AB 123456",
            "AB-12345", "AB_123456", "ab123456", "Ab12345", "aB1234567",
        ];
        return LabeledColumn.Shuffled("variable-length serials", normal, planted, random);
    }

    /// <summary>Three amino-acid codes joined by hyphens, as <c>PHE-SER-CYS</c>.</summary>
    public static LabeledColumn AminoAcidTriplets(int seed)
    {
        var random = new Random(seed);
        string Code() => s_aminoAcids[random.Next(s_aminoAcids.Length)];
        var normal = Enumerable.Range(0, NormalCount).Select(_ => $"{Code()}-{Code()}-{Code()}").ToList();
        string[] planted =
        [
            "PHE-XYZ-CYS", "ABC-SER-CYS", "PHE-SER-CYX", "SER-SEE-GLY", "GLN-TRP-LUE",
            "PHE-SER-CY5", "PH3-ALA-GLY", "PHE_SER-CYS", "PHE-SER.CYS", "PHE SER CYS",
            "phe-ser-cys", "PHE-Ser-CYS", "PHE-SER", "PHE-SER-CYS-ALA", "PHESERCYS",
        ];
        return LabeledColumn.Shuffled("amino-acid triplets", normal, planted, random);
    }

    /// <summary>Version-4 UUIDs in lower-case hexadecimal.</summary>
    public static LabeledColumn Uuids(int seed)
    {
        var random = new Random(seed);
        var normal = Enumerable.Range(0, NormalCount).Select(_ => Uuid(random)).ToList();
        var planted = new List<string>();
        foreach (var edit in (Func<string, string>[])
        [
            uuid => uuid[..10] + "g" + uuid[11..],
            uuid => uuid[..20] + "z" + uuid[21..],
            uuid => uuid[..3] + "G" + uuid[4..],
            uuid => uuid.ToUpperInvariant(),
            uuid => uuid[..25] + "A" + uuid[26..],
            uuid => uuid.Replace("-", string.Empty, StringComparison.Ordinal),
            uuid => uuid[..8] + "_" + uuid[9..],
            uuid => uuid.Replace('-', ':'),
            uuid => uuid[..35],
            uuid => uuid + "0",
            uuid => "{" + uuid + "}",
            uuid => uuid[..14] + uuid[15..],
        ])
        {
            planted.Add(edit(Uuid(random)));
        }

        return LabeledColumn.Shuffled("UUIDs", normal, planted, random);
    }

    /// <summary>Invoice numbers <c>INV-2024-000123</c> mixed with part codes <c>ABC12345</c>.</summary>
    public static LabeledColumn MixedFormats(int seed)
    {
        var random = new Random(seed);
        string Value() => random.NextDouble() < 0.6
            ? $"INV-{random.Next(2019, 2026)}-{Pick(random, Digits, 6)}"
            : Pick(random, Upper, 3) + Pick(random, Digits, 5);
        var normal = Enumerable.Range(0, NormalCount).Select(_ => Value()).ToList();
        string[] planted =
        [
            "INV-12345", "ABC-12345", "inv-2024-000123", "INV/2024/000123", "AB12345",
            "INV-2024-00012A", "ABC1234X", "INV-2024-0001234", "abc12345", "INV2024000123",
            "ABCD12345", "INV-20X4-000123", "A1C12345", "INV-2024_000123", "INV-2024-000 23",
        ];
        return LabeledColumn.Shuffled("mixed formats", normal, planted, random);
    }

    /// <summary>User names: an initial and a surname in lower case, sometimes followed by one or two digits.</summary>
    public static LabeledColumn UserNames(int seed)
    {
        var random = new Random(seed);
        string Name()
        {
            var name = Lower[random.Next(26)] + s_surnames[random.Next(s_surnames.Length)];
            return random.NextDouble() < 0.3 ? name + random.Next(1, 100) : name;
        }

        var normal = Enumerable.Range(0, NormalCount).Select(_ => Name()).ToList();
        string[] planted =
        [
            "JSmith", "mGarcia", "ajohnson7X", "j smith", "j.smith", "k_brown", "mdavis@corp",
            "1234567", "sm1th", "ptaylor-2", "rlopez123456789", "x", "LMARTIN", "awh!te",
        ];
        return LabeledColumn.Shuffled("user names", normal, planted, random);
    }

    private static string Uuid(Random random)
    {
        var hex = Pick(random, Hex, 32).ToCharArray();
        hex[12] = '4';
        hex[16] = "89ab"[random.Next(4)];
        var text = new string(hex);
        return $"{text[..8]}-{text[8..12]}-{text[12..16]}-{text[16..20]}-{text[20..]}";
    }

    private static string Pick(Random random, string alphabet, int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
