using SeqAnomaly.Core;

namespace SeqAnomaly.Data.Tests;

public sealed class SqlIdentifierTests
{
    [Theory]
    [InlineData("Parts", "Parts", false)]
    [InlineData("\"Sales\".\"Parts\"", "Sales|Parts", true)]
    [InlineData("sales.Parts", "sales|Parts", false)]
    [InlineData("\"a.b\".\"c\"\"d\"", "a.b|c\"d", true)]
    [InlineData("Parts]; --", "Parts]; --", false)]
    public void ParseDotted_ValidName_SplitsParts(string text, string expected, bool quoted)
    {
        var parts = SqlIdentifier.ParseDotted(text, "Table name");

        Assert.Equal(expected, string.Join("|", parts.Select(p => p.Name)));
        Assert.All(parts, p => Assert.Equal(quoted, p.IsQuoted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("\"Parts")]
    [InlineData("\"Pa\"rts")]
    [InlineData("\"\"")]
    public void ParseDotted_InvalidName_RaisesInvalidInput(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => SqlIdentifier.ParseDotted(text, "Table name"));

        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void Match_UnquotedCaseVariant_ReturnsCatalogSpelling()
    {
        var match = new SqlIdentifier("parts", IsQuoted: false).Match(["Parts", "Other"], "Table name");

        Assert.Equal("Parts", match);
    }

    [Fact]
    public void Match_QuotedCaseVariant_ReturnsNull()
    {
        var match = new SqlIdentifier("parts", IsQuoted: true).Match(["Parts"], "Table name");

        Assert.Null(match);
    }

    [Fact]
    public void Match_TwoCaseVariants_RaisesAmbiguous()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => new SqlIdentifier("parts", IsQuoted: false).Match(["Parts", "PARTS"], "Table name"));

        Assert.Contains("ambiguous", error.Message);
        Assert.Contains("'PARTS'", error.Message);
    }
}
