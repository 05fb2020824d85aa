namespace SeqAnomaly.Cli.Report;

/// <summary>Splits values into characters the way the models do, and makes invisible characters visible.</summary>
internal static class ReportText
{
    /// <summary>The characters of <paramref name="value"/> as Unicode scalar values, so that an emoji is one character.</summary>
    public static IReadOnlyList<string> Characters(string value) =>
        value.EnumerateRunes().Select(rune => rune.ToString()).ToList();

    /// <summary>Shows a space as ␣ and other whitespace or control characters as their code point.</summary>
    public static string Visible(string character) => character switch
    {
        " " => "␣",
        _ when character.Length == 1 && (char.IsControl(character[0]) || char.IsWhiteSpace(character[0])) =>
            $"U+{(int)character[0]:X4}",
        _ => character,
    };
}
