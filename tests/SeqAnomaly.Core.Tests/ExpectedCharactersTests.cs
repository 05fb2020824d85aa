using SeqAnomaly.Core.Characters;

namespace SeqAnomaly.Core.Tests;

public sealed class ExpectedCharactersTests
{
    private static readonly CharacterVocabulary s_vocabulary = CharacterVocabulary.Fit(
        ["0123456789", "0123456789", "ABCDEFQWOPZXML", "ABCDEFQWOPZXML", "abcxyz--", "abcxyz--"]);

    [Theory]
    [InlineData("012", "a digit 0-2")]
    [InlineData("ABCDEF", "an upper-case letter A-F")]
    [InlineData("QWO", "one of 'O', 'Q', 'W'")]
    [InlineData("-", "'-'")]
    [InlineData("7a", "'7' or 'a'")]
    public void Describe_Characters_UsesClassAndRange(string characters, string expected)
    {
        var description = ExpectedCharacters.Describe(Tokens(characters), s_vocabulary);

        Assert.Equal(expected, description);
    }

    [Fact]
    public void Describe_Padding_NamesEndOfValue()
    {
        int[] tokens = [CharacterVocabulary.Padding, .. Tokens("01234")];

        var description = ExpectedCharacters.Describe(tokens, s_vocabulary);

        Assert.Equal("the end of the value or a digit 0-4", description);
    }

    private static int[] Tokens(string characters)
    {
        var tokens = new long[characters.Length];
        s_vocabulary.Encode(characters, tokens);
        return [.. tokens.Select(token => (int)token)];
    }
}
