using System.Text;

namespace SeqAnomaly.Core.Encoding;

/// <summary>
/// The classic recipe's character codes: each character's position in a fixed index, so digit 0 and
/// right padding share code 0. A character outside the index gets the extra code <see cref="UnknownCode"/>.
/// Characters are Unicode scalar values, so a surrogate pair is one character with one code.
/// </summary>
public static class CharIndexEncoding
{
    /// <summary>The index of the classic recipe, in its original order.</summary>
    public const string Index =
        "0abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ123456789().,-/+=&$?@#!*:;_[]|%⸏{}\"' \\";

    private static readonly Dictionary<int, int> s_codes = BuildCodes();

    /// <summary>The code of every character outside <see cref="Index"/>.</summary>
    public static int UnknownCode { get; } = s_codes.Count;

    /// <summary>Number of characters in a value: Unicode scalar values, not UTF-16 code units.</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    /// <summary>Writes the codes of <paramref name="value"/> into <paramref name="codes"/>, zero-padded on the right.</summary>
    /// <exception cref="ArgumentException">The value is longer than <paramref name="codes"/>.</exception>
    public static void Encode(string value, Span<float> codes)
    {
        codes.Clear();
        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (position == codes.Length)
            {
                throw new ArgumentException(
                    $"Value '{value}' has more than {codes.Length} characters, the model's width.", nameof(value));
            }

            codes[position++] = s_codes.GetValueOrDefault(rune.Value, UnknownCode);
        }
    }

    private static Dictionary<int, int> BuildCodes()
    {
        var codes = new Dictionary<int, int>();
        foreach (var rune in Index.EnumerateRunes())
        {
            codes.Add(rune.Value, codes.Count);
        }

        return codes;
    }
}
