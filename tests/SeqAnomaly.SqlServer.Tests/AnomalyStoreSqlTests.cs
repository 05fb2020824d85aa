using SeqAnomaly.Data;
using SeqAnomaly.SqlServer.Tests.Recording;
using Xunit.Abstractions;

namespace SeqAnomaly.SqlServer.Tests;

/// <summary>The SQL that the shared <see cref="AnomalyStore"/> sends on SQL Server, captured and parsed as T-SQL.</summary>
public sealed class AnomalyStoreSqlTests(ITestOutputHelper output)
{
    private static readonly ModelRow Model = new(
        "parts-serial", "Sales.Parts", "Serial", "classic", "{}", "{}", 3, 0.1, null, "max", 0.5, [1, 2, 3], new string('0', 64));

    public static TheoryData<string> Operations() =>
        ["ResolveSource", "Read", "StartScan", "CompleteScan", "FailScan", "FindModel"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task StoreOperation_SendsParsableSql(string operation)
    {
        var provider = new RecordingSqlServerProvider();
        var store = new AnomalyStore(provider, "recording");
        var source = await store.Provider.ResolveSourceAsync(provider.Connection, "Sales.Parts", "PartId", "Serial", default);
        provider.Connection.Statements.Clear();

        await RunAsync(store, source, operation);

        var statements = provider.Connection.Statements;
        var reports = statements
            .Select((sql, index) => TSqlParsing.Describe($"{operation} statement {index + 1}", TSqlParsing.Parse(sql).Errors))
            .Where(report => report.Length > 0)
            .ToList();
        foreach (var sql in statements)
        {
            output.WriteLine(sql);
        }

        Assert.NotEmpty(statements);
        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    private static async Task RunAsync(AnomalyStore store, SourceColumn source, string operation)
    {
        switch (operation)
        {
            case "ResolveSource":
                await store.ResolveSourceAsync("Sales.Parts", "PartId", "Serial");
                break;
            case "Read":
                await foreach (var _ in store.ReadAsync(source))
                {
                }

                break;
            case "StartScan":
                await store.StartScanAsync(source);
                break;
            case "CompleteScan":
                await store.CompleteScanAsync(
                    1, Model, [new EpochRow(1, 0.2, null)], [], new ScanCounts(3, 0, 3, 0, "max", 0.5));
                break;
            case "FailScan":
                await store.FailScanAsync(1, "stopped");
                break;
            case "FindModel":
                await store.FindModelAsync("parts-serial");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown store operation.");
        }
    }
}
