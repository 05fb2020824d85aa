using SeqAnomaly.Core;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests;

public sealed class SqlServerNamesTests
{
    [Theory]
    [InlineData("Parts", null, "Parts")]
    [InlineData("Sales.Parts", "Sales", "Parts")]
    [InlineData("[Sales].[Parts]", "Sales", "Parts")]
    [InlineData("[Sales].Parts", "Sales", "Parts")]
    [InlineData("Sales.[Order Details]", "Sales", "Order Details")]
    [InlineData("[a.b].[c]]d]", "a.b", "c]d")]
    [InlineData("\"Sales\".\"Pa\"\"rts\"", "Sales", "Pa\"rts")]
    [InlineData("  Sales . Parts  ", "Sales", "Parts")]
    [InlineData("[ Parts ]", null, " Parts ")]
    public void ParseTableName_ValidName_SplitsSchemaAndTable(string text, string? schema, string table)
    {
        var parsed = SqlServerNames.ParseTableName(text);

        Assert.Equal(schema, parsed.Schema);
        Assert.Equal(table, parsed.Table);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Sales.")]
    [InlineData(".Parts")]
    [InlineData("Sales..Parts")]
    [InlineData("Shop.Sales.Parts")]
    [InlineData("[Sales.Parts")]
    [InlineData("Sales]Parts")]
    [InlineData("[Sales]Parts")]
    [InlineData("[]")]
    public void ParseTableName_InvalidName_ThrowsNamingValue(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => SqlServerNames.ParseTableName(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTableName_PartOver128Characters_Throws()
    {
        var text = "dbo." + new string('p', 129);

        var error = Assert.Throws<InvalidInputException>(() => SqlServerNames.ParseTableName(text));

        Assert.Contains("129 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Serial", "Serial")]
    [InlineData("[Part No]", "Part No")]
    [InlineData("[a.b]", "a.b")]
    public void ParseColumnName_ValidName_RemovesQuotes(string text, string expected)
    {
        Assert.Equal(expected, SqlServerNames.ParseColumnName(text, "value column name"));
    }

    [Fact]
    public void ParseColumnName_DottedName_ThrowsWithDescription()
    {
        var error = Assert.Throws<InvalidInputException>(() => SqlServerNames.ParseColumnName("Parts.Serial", "value column name"));

        Assert.Contains("value column name 'Parts.Serial'", error.Message, StringComparison.Ordinal);
    }
}
