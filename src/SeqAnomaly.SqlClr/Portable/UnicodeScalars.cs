using System.Collections.Generic;
using System.Globalization;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>
/// Splits text into Unicode scalar values as .NET's <c>string.EnumerateRunes</c> does, which the .NET
/// Framework lacks: a surrogate pair is one scalar, and a lone surrogate becomes U+FFFD.
/// </summary>
internal static class UnicodeScalars
{
    private const int ReplacementCharacter = 0xFFFD;

    /// <summary>Returns the scalar values of <paramref name="value"/> in order.</summary>
    public static List<int> Of(string value)
    {
        var scalars = new List<int>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                scalars.Add(char.ConvertToUtf32(c, value[i + 1]));
                i++;
            }
            else
            {
                scalars.Add(char.IsSurrogate(c) ? ReplacementCharacter : c);
            }
        }

        return scalars;
    }

    /// <summary>Returns the text of one scalar value: one character, or a surrogate pair.</summary>
    public static string Text(int scalar) => char.ConvertFromUtf32(scalar);

    /// <summary>Returns the Unicode category of a scalar value, surrogate pairs included.</summary>
    public static UnicodeCategory Category(int scalar) => CharUnicodeInfo.GetUnicodeCategory(Text(scalar), 0);
}
