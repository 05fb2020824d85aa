using System.Text.RegularExpressions;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>
/// Every value interpolated into SQL text in the product's source is an identifier that went through the catalog
/// check and the provider's quoting, a product object name, or a number; a new unchecked path fails this test.
/// </summary>
public sealed class SqlIdentifierAuditTests
{
    private static readonly Regex[] Allowed =
    [
        // Product objects, written by the provider from constant names.
        new(@"^(Provider\.|provider\.|_provider\.)?ObjectName\(""\w+""\)$"),
        new(@"^(Requests|Scans|Architectures|Schema|SqlServerMigrations\.Schema|table)$"),
        // Source identifiers after the catalog check: only SourceColumn's quoted forms, or the provider's quoting.
        new(@"^(source|pass\.Source|Source)\.Quoted(Table|Key|Value)$"),
        new(@"^(Provider\.|provider\.)?TextOf\((source|pass\.Source)\.Quoted(Key|Value)\)$"),
        new(@"^Provider\.KeyForUniqueness\(source\.QuotedKey\)$"),
        new(@"^(Provider\.|provider\.)?TextOf\(\$""\w+\.\{source\.Quoted(Key|Value)\}""\)$"),
        new(@"^(Provider\.|provider\.)?QuoteIdentifier\((schemaName|tableName|key|value|column\.Name|name)\)$"),
        // Constant column lists of the product's own tables, and the id column named by the caller in this assembly.
        new(@"^string\.Join\("", "", (columns|ModelColumns|ScanColumns|columns\.Select\(c => ""@"" \+ c\))\)$"),
        new(@"^(idColumn|columnList|parameterList|orderedQuery|direction|quotedColumn|NowSql|ModelColumns)$"),
        // SQL Server statements check the name with EnsurePlainIdentifier first; imports quote each part.
        new(@"^(objectName|quotedTable)$"),
        new(@"^string\.Join\("", "", columns\.Select\(c => \$""\{c\} \{textType\}""\)\)$"),
        new(@"^string\.Join\("", "", header\.Select\(\(_, i\) => \$""@p\{i\}""\)\)$"),
        // Numbers.
        new(@"^rows\.ToString\((System\.Globalization\.)?CultureInfo\.InvariantCulture\)$"),
    ];

    // Example SQL in messages shown to the user, which the product never runs.
    private static readonly HashSet<string> Messages = ["DemoCommand.cs:settings.Database", "ScanReportWriter.cs:scanId"];

    [Fact]
    public void InterpolatedSql_EveryHole_IsQuotedOrAProductName()
    {
        var holes = SqlTextAudit.Holes("SeqAnomaly.Data", "SeqAnomaly.Cli").ToList();

        var unquoted = holes
            .Where(h => !Messages.Contains($"{Path.GetFileName(h.Where.Split(':')[0])}:{h.Hole}"))
            .Where(h => !Allowed.Any(pattern => pattern.IsMatch(h.Hole))).Select(h => $"{h.Where}: {{{h.Hole}}}");

        Assert.NotEmpty(holes);
        Assert.True(!unquoted.Any(), "Unchecked values in SQL text:\n" + string.Join("\n", unquoted));
    }

    [Theory]
    [InlineData("request.Table")]
    [InlineData("table.Replace(\"'\", \"''\")")]
    [InlineData("keyColumn")]
    public void Allowed_NameAsTyped_IsNotAllowed(string hole)
    {
        var allowed = Allowed.Any(pattern => pattern.IsMatch(hole));

        Assert.False(allowed, $"{hole} is a name as the user typed it, which must never reach SQL text.");
    }
}
