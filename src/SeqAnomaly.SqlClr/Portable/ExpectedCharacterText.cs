using System.Collections.Generic;
using System.Globalization;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>
/// Describes a set of expected tokens in the worker's words: "a digit 0-2", "an upper-case letter A-F",
/// "one of 'Q', 'W', 'O'", "'-'", or "the end of the value".
/// </summary>
internal static class ExpectedCharacterText
{
    private const int MaxListed = 8;

    private enum CharacterClass
    {
        Digit,
        UpperCase,
        LowerCase,
        Other,
    }

    /// <summary>Describes <paramref name="tokens"/>, where token 0 is the end, 1 is unknown and token i + 2 is <paramref name="characters"/>[i].</summary>
    public static string Describe(List<int> tokens, int[] characters)
    {
        var parts = new List<string>();
        if (tokens.Contains(0))
        {
            parts.Add("the end of the value");
        }

        var scalars = new List<int>();
        foreach (var token in tokens)
        {
            if (token >= 2 && token < characters.Length + 2)
            {
                scalars.Add(characters[token - 2]);
            }
        }

        scalars.Sort();
        var groups = new List<int>[4];
        foreach (var scalar in scalars)
        {
            var kind = (int)ClassOf(scalar);
            groups[kind] ??= new List<int>();
            groups[kind].Add(scalar);
        }

        for (var kind = 0; kind < groups.Length; kind++)
        {
            if (groups[kind] is not null)
            {
                parts.Add(DescribeClass((CharacterClass)kind, groups[kind]));
            }
        }

        return parts.Count == 0 ? "another character" : string.Join(" or ", parts);
    }

    private static CharacterClass ClassOf(int scalar)
    {
        if (scalar >= '0' && scalar <= '9')
        {
            return CharacterClass.Digit;
        }

        var category = UnicodeScalars.Category(scalar);
        return category == UnicodeCategory.UppercaseLetter ? CharacterClass.UpperCase
            : category == UnicodeCategory.LowercaseLetter ? CharacterClass.LowerCase
            : CharacterClass.Other;
    }

    private static string DescribeClass(CharacterClass kind, List<int> scalars)
    {
        var noun = kind switch
        {
            CharacterClass.Digit => "a digit",
            CharacterClass.UpperCase => "an upper-case letter",
            CharacterClass.LowerCase => "a lower-case letter",
            _ => null,
        };
        if (scalars.Count == 1)
        {
            return "'" + UnicodeScalars.Text(scalars[0]) + "'";
        }

        if (noun is not null && scalars.Count >= 3 && IsContiguous(scalars))
        {
            return noun + " " + UnicodeScalars.Text(scalars[0]) + "-" + UnicodeScalars.Text(scalars[scalars.Count - 1]);
        }

        var listed = new List<string>();
        for (var i = 0; i < scalars.Count && i < MaxListed; i++)
        {
            listed.Add("'" + UnicodeScalars.Text(scalars[i]) + "'");
        }

        var text = "one of " + string.Join(", ", listed);
        return scalars.Count > MaxListed ? text + ", ..." : text;
    }

    private static bool IsContiguous(List<int> scalars)
    {
        for (var i = 1; i < scalars.Count; i++)
        {
            if (scalars[i] != scalars[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }
}
