using System.Text;

namespace SeqAnomaly.Core.Characters;

/// <summary>
/// The character set of a character model, learned from a column: token 0 is padding after the end of a
/// value, token 1 represents any character outside the vocabulary, and tokens 2 and up are the column's
/// characters (Unicode scalar values) in ordinal order. A character seen fewer than
/// <see cref="MinimumCount"/> times maps to the unknown token, so the model learns it as unlikely.
/// </summary>
public sealed class CharacterVocabulary
{
    /// <summary>Token after the end of a value.</summary>
    public const int Padding = 0;

    /// <summary>Token of a character outside the vocabulary.</summary>
    public const int Unknown = 1;

    /// <summary>Occurrences a character needs in the training column to get its own token.</summary>
    public const int MinimumCount = 2;

    /// <summary>Most characters given their own token; the rarer ones map to the unknown token.</summary>
    public const int MaximumCharacters = 254;

    private readonly Dictionary<int, int> _tokens;

    /// <summary>Creates the vocabulary from its characters, in token order from token 2.</summary>
    public CharacterVocabulary(IReadOnlyList<int> characters)
    {
        Characters = characters;
        _tokens = new Dictionary<int, int>(characters.Count);
        for (var i = 0; i < characters.Count; i++)
        {
            _tokens.Add(characters[i], i + 2);
        }
    }

    /// <summary>The characters with their own token, as Unicode scalar values; token <c>i + 2</c> is <c>Characters[i]</c>.</summary>
    public IReadOnlyList<int> Characters { get; }

    /// <summary>Number of tokens, padding and unknown included.</summary>
    public int Size => Characters.Count + 2;

    /// <summary>Learns the vocabulary from the characters of <paramref name="values"/>.</summary>
    public static CharacterVocabulary Fit(IEnumerable<string> values)
    {
        var counts = new Dictionary<int, int>();
        foreach (var value in values)
        {
            foreach (var rune in value.EnumerateRunes())
            {
                counts[rune.Value] = counts.GetValueOrDefault(rune.Value) + 1;
            }
        }

        var kept = counts
            .Where(pair => pair.Value >= MinimumCount)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Take(MaximumCharacters)
            .Select(pair => pair.Key)
            .Order()
            .ToList();
        return new CharacterVocabulary(kept);
    }

    /// <summary>Number of characters in a value: Unicode scalar values, not UTF-16 code units.</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    /// <summary>Writes the tokens of <paramref name="value"/> into <paramref name="tokens"/>, padded on the right.</summary>
    /// <exception cref="ArgumentException">The value has more characters than <paramref name="tokens"/>.</exception>
    public void Encode(string value, Span<long> tokens)
    {
        tokens.Clear();
        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (position == tokens.Length)
            {
                throw new ArgumentException(
                    $"Value '{value}' has more than {tokens.Length} characters, the model's width.", nameof(value));
            }

            tokens[position++] = _tokens.GetValueOrDefault(rune.Value, Unknown);
        }
    }

    /// <summary>The character of a token, or null for padding and unknown.</summary>
    public string? Character(int token) =>
        token >= 2 && token < Size ? new Rune(Characters[token - 2]).ToString() : null;
}
