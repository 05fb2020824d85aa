using SeqAnomaly.Core;
using SeqAnomaly.Data.Tests;

namespace SeqAnomaly.Worker.Tests;

public sealed class RequestScanTests
{
    public static TheoryData<string, string, string, string?, string> BadRequests => new()
    {
        { "NoSuchTable", "Id", "Serial", null, "Table 'NoSuchTable' was not found" },
        { "Parts", "Id", "NoSuchColumn", null, "Column 'NoSuchColumn' was not found" },
        { "Parts", "NoSuchKey", "Serial", null, "Column 'NoSuchKey' was not found" },
        { "Parts", "Serial", "Serial", null, "are the same column" },
        { "Parts", "Id", "Serial", """{"epochs": 2, "learningRate": 0.1}""", "Unknown option 'learningRate'" },
        { "Parts", "Id", "Serial", """{"epochs": 0}""", "for option epochs" },
        { "Parts", "Id", "Serial", """{"epochs": 2.5}""", "for option epochs" },
        { "Parts", "Id", "Serial", """{"epochs": "3"}""", "for option epochs" },
        { "Parts", "Id", "Serial", """{"threshold": "quantile:1.5"}""", "for option threshold" },
        { "Parts", "Id", "Serial", """{"threshold": "percentile:99"}""", "for option threshold" },
        { "Parts", "Id", "Serial", """{"architecture": "transformer"}""", "for option architecture" },
        { "Parts", "Id", "Serial", """{"retrain": "yes"}""", "for option retrain" },
        { "Parts", "Id", "Serial", """[1, 2]""", "expected a JSON object" },
        { "Parts; DROP TABLE Parts; --", "Id", "Serial", null, "DROP TABLE Parts" },
        { "Parts\"; DROP TABLE Parts; --", "Id", "Serial", null, "DROP TABLE Parts" },
        { "Parts", "Id", "Serial FROM Parts; DROP TABLE Parts; --", null, "DROP TABLE Parts" },
        { "Parts", "Id) FROM Parts; DROP TABLE Parts; --", "Serial", null, "DROP TABLE Parts" },
    };

    public static IEnumerable<object?[]> BadRequestsOnEachEngine =>
        from engine in new[] { "sqlite", "postgres" }
        from row in BadRequests
        select new[] { engine }.Concat(row).ToArray();

    [Theory]
    [MemberData(nameof(BadRequestsOnEachEngine))]
    public async Task RequestScan_BadInput_RejectedAndNothingQueued(
        string engine, string table, string key, string column, string? options, string expected)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await SourceTables.CreateAsync(database, "Parts", rows: 5);

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => Requests.Queue(database).RequestScanAsync(table, key, column, options));

        Assert.Contains(expected, error.Message);
        Assert.Empty(await Requests.ReadAsync(database));
        Assert.Equal(6, await database.ScalarAsync<long>("SELECT COUNT(*) FROM Parts"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task RequestScan_ValidInput_QueuesPendingRequest(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await SourceTables.CreateAsync(database, "Parts", rows: 5);

        var id = await Requests.Queue(database).RequestScanAsync(
            "Parts", "id", "SERIAL", """{"threshold": "top:3", "retrain": false, "epochs": 4, "seed": -1}""");

        var request = Assert.Single(await Requests.ReadAsync(database));
        Assert.Equal(id, request.RequestId);
        Assert.Equal("Pending", request.Status);
        Assert.Equal(database.IsPostgres ? "public.parts" : "Parts", request.SourceTable);
        Assert.Equal(database.IsPostgres ? "id" : "Id", request.KeyColumn);
        Assert.Equal(database.IsPostgres ? "serial" : "Serial", request.ValueColumn);
        Assert.Contains("top:3", request.Options);
        Assert.False(string.IsNullOrEmpty(request.RequestedBy));
        Assert.InRange(request.AgeSeconds, 0, 600);
        Assert.Equal(0, request.Attempts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task CancelScan_PendingThenUnknown_CancelsThenRejects(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await SourceTables.CreateAsync(database, "Parts", rows: 5);
        var queue = Requests.Queue(database);
        var id = await queue.RequestScanAsync("Parts", "Id", "Serial", null);

        await queue.CancelAsync(id);
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => queue.CancelAsync(id + 100));

        var request = Assert.Single(await Requests.ReadAsync(database));
        Assert.Equal("Cancelled", request.Status);
        Assert.Contains($"Scan request {id + 100} was not found", error.Message);
        Assert.Null(await queue.ClaimAsync("worker-a/1", TimeSpan.FromSeconds(30), maxAttempts: 3));
    }
}
