using SeqAnomaly.Core.Encoding;

namespace SeqAnomaly.Core.Tests;

public sealed class CharIndexEncodingTests
{
    [Fact]
    public void Encode_IndexCharacters_UsesTheirPositions()
    {
        var codes = new float[6];

        CharIndexEncoding.Encode("aZ9\\", codes);

        Assert.Equal(CharIndexEncoding.Index.IndexOf('a', StringComparison.Ordinal), codes[0]);
        Assert.Equal(CharIndexEncoding.Index.IndexOf('Z', StringComparison.Ordinal), codes[1]);
        Assert.Equal(CharIndexEncoding.Index.IndexOf('9', StringComparison.Ordinal), codes[2]);
        Assert.Equal(CharIndexEncoding.Index.Length - 1, codes[3]);
        Assert.Equal(0, codes[4]);
        Assert.Equal(0, codes[5]);
    }

    [Fact]
    public void Encode_CharacterOutsideIndex_GetsUnknownCode()
    {
        var codes = new float[2];

        CharIndexEncoding.Encode("é~", codes);

        Assert.Equal(CharIndexEncoding.UnknownCode, codes[0]);
        Assert.Equal(CharIndexEncoding.UnknownCode, codes[1]);
    }

    [Fact]
    public void Encode_SurrogatePair_IsOneCharacter()
    {
        var codes = new float[3];
        const string value = "a😀b";

        CharIndexEncoding.Encode(value, codes);

        Assert.Equal(3, CharIndexEncoding.Length(value));
        Assert.Equal(CharIndexEncoding.UnknownCode, codes[1]);
        Assert.Equal(CharIndexEncoding.Index.IndexOf('b', StringComparison.Ordinal), codes[2]);
    }

    [Fact]
    public void Encode_EmptyString_IsAllPadding()
    {
        var codes = new float[] { 7, 7, 7 };

        CharIndexEncoding.Encode(string.Empty, codes);

        Assert.All(codes, code => Assert.Equal(0, code));
    }

    [Fact]
    public void Encode_LongerThanWidth_Throws()
    {
        var codes = new float[2];

        var error = Assert.Throws<ArgumentException>(() => CharIndexEncoding.Encode("abc", codes));

        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_HasNoDuplicateCharacters()
    {
        var characters = CharIndexEncoding.Index.EnumerateRunes().ToList();

        Assert.Equal(characters.Count, characters.Distinct().Count());
        Assert.Equal(characters.Count, CharIndexEncoding.UnknownCode);
    }
}
