using SeqAnomaly.Core;
using SeqAnomaly.Data;
using SeqAnomaly.Data.SqlServer;
using CatalogColumn = SeqAnomaly.Data.SqlServerProvider.CatalogColumn;

namespace SeqAnomaly.SqlServer.Tests;

public sealed class SqlServerProviderTests
{
    private readonly SqlServerProvider _provider = new();

    [Fact]
    public void FromName_SqlServer_ReturnsProvider()
    {
        var provider = DatabaseProvider.FromName("sqlserver");

        Assert.IsType<SqlServerProvider>(provider);
        Assert.Equal("sqlserver", provider.Name);
    }

    [Theory]
    [InlineData("Parts", "[Parts]")]
    [InlineData("a]b", "[a]]b]")]
    [InlineData("]]", "[]]]]]")]
    [InlineData("Order Details", "[Order Details]")]
    [InlineData("a[b", "[a[b]")]
    [InlineData("ab\"c'", "[ab\"c']")]
    public void QuoteIdentifier_EscapesClosingBracket(string identifier, string expected)
    {
        Assert.Equal(expected, _provider.QuoteIdentifier(identifier));
    }

    [Fact]
    public void QuoteIdentifier_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => _provider.QuoteIdentifier(""));
    }

    [Fact]
    public void QuoteIdentifier_Over128Characters_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => _provider.QuoteIdentifier(new string('x', 129)));

        Assert.Contains("129", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteIdentifier_128Characters_IsAccepted()
    {
        Assert.Equal(130, _provider.QuoteIdentifier(new string('x', 128)).Length);
    }

    [Fact]
    public void ObjectName_ProductTable_IsInAnomalySchema()
    {
        Assert.Equal("anomaly.SequenceScores", _provider.ObjectName("SequenceScores"));
    }

    [Theory]
    [InlineData("Scans; DROP TABLE x")]
    [InlineData("anomaly.Scans")]
    [InlineData("[Scans]")]
    [InlineData("")]
    public void ObjectName_NotPlainIdentifier_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => _provider.ObjectName(name));
    }

    [Fact]
    public void LimitRows_AppendsOffsetFetch()
    {
        var sql = _provider.LimitRows("SELECT Name FROM anomaly.Models ORDER BY Version DESC", 1);

        Assert.Equal("SELECT Name FROM anomaly.Models ORDER BY Version DESC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY", sql);
    }

    [Fact]
    public void LimitRows_ZeroRows_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _provider.LimitRows("SELECT 1 AS One ORDER BY One", 0));
    }

    [Fact]
    public void TimestampValue_IsUtcOffsetWholeMilliseconds()
    {
        var utc = new DateTime(2025, 3, 4, 5, 6, 7, 8, DateTimeKind.Utc).AddTicks(9_999);

        var value = Assert.IsType<DateTimeOffset>(_provider.TimestampValue(utc));

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(new DateTime(2025, 3, 4, 5, 6, 7, 8, DateTimeKind.Utc), value.UtcDateTime);
    }

    [Fact]
    public void TextOf_ConvertsToNvarcharMax()
    {
        Assert.Equal("CONVERT(nvarchar(max), [Serial])", _provider.TextOf("[Serial]"));
    }

    [Fact]
    public void InsertReturningId_OutputsInsertedIdentity()
    {
        var sql = SqlServerStatements.InsertReturningId("anomaly.Scans", "ScanId", ["SourceTable", "Status"]);

        Assert.Equal(
            "INSERT INTO anomaly.Scans ([SourceTable], [Status]) OUTPUT INSERTED.[ScanId] VALUES (@SourceTable, @Status);",
            sql);
    }

    [Fact]
    public void InsertReturningId_UnsafeColumn_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            () => SqlServerStatements.InsertReturningId("anomaly.Scans", "ScanId", ["Status], x) --"]));

        Assert.Contains("Status], x) --", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertReturningId_NoColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => SqlServerStatements.InsertReturningId("anomaly.Scans", "ScanId", []));
    }

    [Fact]
    public void CheckRowKeyLengths_450Characters_Passes()
    {
        var rows = new[] { new ScoreRow(new string('k', 450), "AB121E", 0.1, false, null) };

        var checkedRows = SqlServerProvider.CheckRowKeyLengths(rows).ToList();

        Assert.Equal(rows, checkedRows);
    }

    [Fact]
    public void CheckRowKeyLengths_451Characters_Throws()
    {
        var rows = new[] { new ScoreRow(new string('k', 451), "AB121E", 0.1, false, null) };

        var error = Assert.Throws<InvalidInputException>(() => SqlServerProvider.CheckRowKeyLengths(rows).ToList());

        Assert.Contains("451 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("450", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindColumn_Missing_ListsExistingColumns()
    {
        var columns = new List<CatalogColumn>
        {
            new("PartId", "int", "int", true, false),
            new("Serial", "nvarchar", "nvarchar", false, false),
        };

        var error = Assert.Throws<InvalidInputException>(
            () => SqlServerProvider.FindColumn(columns, column => column.IsValue, "Serail", "value column", "dbo.Parts"));

        Assert.Contains("'Serail'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dbo.Parts'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PartId, Serial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindColumn_Flagged_ReturnsCatalogSpelling()
    {
        var columns = new List<CatalogColumn> { new("Serial", "nvarchar", "nvarchar", false, true) };

        var name = SqlServerProvider.FindColumn(columns, column => column.IsValue, "serial", "value column", "dbo.Parts");

        Assert.Equal("Serial", name);
    }

    [Theory]
    [InlineData("varbinary", "varbinary")]
    [InlineData("timestamp", "timestamp")]
    [InlineData("geography", "hierarchyid")]
    [InlineData("PhotoBytes", "image")]
    public void FindColumn_TypeWithoutText_Throws(string typeName, string baseTypeName)
    {
        var columns = new List<CatalogColumn> { new("Photo", typeName, baseTypeName, false, true) };

        var error = Assert.Throws<InvalidInputException>(
            () => SqlServerProvider.FindColumn(columns, column => column.IsValue, "Photo", "value column", "dbo.Parts"));

        Assert.Contains("'Photo'", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeName, error.Message, StringComparison.Ordinal);
    }
}
