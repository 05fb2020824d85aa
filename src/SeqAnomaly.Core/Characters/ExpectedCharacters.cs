using System.Text;

namespace SeqAnomaly.Core.Characters;

/// <summary>
/// Describes a set of expected tokens in words a reader knows without the model: "a digit 0-2",
/// "an upper-case letter A-F", "one of 'Q', 'W', 'O'", "'-'", or "the end of the value".
/// </summary>
public static class ExpectedCharacters
{
    private const int MaxListed = 8;

    /// <summary>Describes <paramref name="tokens"/> of <paramref name="vocabulary"/>; classes are joined with "or".</summary>
    public static string Describe(IReadOnlyList<int> tokens, CharacterVocabulary vocabulary)
    {
        var parts = new List<string>();
        if (tokens.Contains(CharacterVocabulary.Padding))
        {
            parts.Add("the end of the value");
        }

        var characters = tokens
            .Select(vocabulary.Character)
            .OfType<string>()
            .Select(text => Rune.GetRuneAt(text, 0))
            .Order()
            .ToList();
        parts.AddRange(characters
            .GroupBy(ClassOf)
            .OrderBy(group => group.Key)
            .Select(group => DescribeClass(group.Key, group.ToList())));
        return parts.Count == 0 ? "another character" : string.Join(" or ", parts);
    }

    private static CharacterClass ClassOf(Rune rune) =>
        Rune.IsDigit(rune) && rune.IsAscii ? CharacterClass.Digit
        : Rune.IsUpper(rune) ? CharacterClass.UpperCase
        : Rune.IsLower(rune) ? CharacterClass.LowerCase
        : CharacterClass.Other;

    private static string DescribeClass(CharacterClass kind, List<Rune> runes)
    {
        var noun = kind switch
        {
            CharacterClass.Digit => "a digit",
            CharacterClass.UpperCase => "an upper-case letter",
            CharacterClass.LowerCase => "a lower-case letter",
            _ => null,
        };
        if (runes.Count == 1)
        {
            return $"'{runes[0]}'";
        }

        if (noun is not null && runes.Count >= 3 && IsContiguous(runes))
        {
            return $"{noun} {runes[0]}-{runes[^1]}";
        }

        var listed = string.Join(", ", runes.Take(MaxListed).Select(rune => $"'{rune}'"));
        return runes.Count > MaxListed ? $"one of {listed}, ..." : $"one of {listed}";
    }

    private static bool IsContiguous(List<Rune> runes)
    {
        for (var i = 1; i < runes.Count; i++)
        {
            if (runes[i].Value != runes[i - 1].Value + 1)
            {
                return false;
            }
        }

        return true;
    }

    private enum CharacterClass
    {
        Digit,
        UpperCase,
        LowerCase,
        Other,
    }
}
