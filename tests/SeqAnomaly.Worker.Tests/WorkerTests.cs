using SeqAnomaly.Data.Tests;

namespace SeqAnomaly.Worker.Tests;

public sealed class WorkerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Worker_RequestedScan_OutliersInAnomalousSequences(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await SourceTables.CreateAsync(database, "Parts", rows: 200);
        var requestId = await Requests.RequestAsync(
            database, "Parts", """{"epochs": 2, "seed": 7, "threshold": "quantile:0.99", "architecture": "classic", "modelName": "parts"}""");

        await WorkerRun.DrainAsync(database, "worker-a");

        var request = Assert.Single(await Requests.ReadAsync(database));
        Assert.Equal(requestId, request.RequestId);
        Assert.Equal("Succeeded", request.Status);
        Assert.Equal(1, request.Attempts);
        Assert.Equal("worker-a/1", request.ClaimedBy);
        Assert.NotNull(request.ScanId);
        Assert.Null(request.Error);
        var outliers = await database.QueryAsync<(long ScanId, string RowKey, string Value)>(
            $"SELECT ScanId, RowKey, Value FROM {database.Object("AnomalousSequences")} ORDER BY Score DESC");
        Assert.NotEmpty(outliers);
        Assert.All(outliers, row => Assert.Equal(request.ScanId, row.ScanId));
        Assert.Contains(outliers, row => row.RowKey == "0" && row.Value == SourceTables.Planted);
        var flagged = await database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM {database.Object("SequenceScores")} WHERE ScanId = @ScanId AND IsOutlier = @True",
            new { request.ScanId, True = true });
        Assert.Equal(flagged, outliers.Count);
        var latest = await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("LatestScores")}");
        Assert.Equal(201, latest);
        var epochs = await database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM {database.Object("ModelHistory")} WHERE Name = 'parts'");
        Assert.Equal(2, epochs);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ThreeWorkers_ThirtyRequests_EachRunOnce(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await SourceTables.CreateAsync(database, "Parts", rows: 40);
        var requestIds = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            requestIds.Add(await Requests.RequestAsync(database, "Parts", $$"""{"epochs": 1, "seed": {{i}}, "threshold": "value:0.5"}"""));
        }

        await Task.WhenAll(
            Task.Run(() => WorkerRun.DrainAsync(database, "worker-a")),
            Task.Run(() => WorkerRun.DrainAsync(database, "worker-b")),
            Task.Run(() => WorkerRun.DrainAsync(database, "worker-c")));

        var requests = await Requests.ReadAsync(database);
        Assert.Equal(requestIds, requests.Select(r => r.RequestId));
        Assert.All(requests, r => Assert.Equal("Succeeded", r.Status));
        Assert.All(requests, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(30, requests.Select(r => r.ScanId).Distinct().Count());
        var scans = await database.QueryAsync<string>($"SELECT Status FROM {database.Object("Scans")}");
        Assert.Equal(30, scans.Count);
        Assert.All(scans, status => Assert.Equal("Succeeded", status));
        var scores = await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("SequenceScores")}");
        Assert.Equal(30 * 41, scores);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Worker_DroppedTable_FailsWithoutRetry(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await SourceTables.CreateAsync(database, "Parts", rows: 20);
        // A table the request was checked against and that is gone when the worker runs it.
        await Requests.RequestAsync(database, "Parts", """{"epochs": 1}""");
        await database.ExecuteAsync("DROP TABLE Parts");

        await WorkerRun.DrainAsync(database, "worker-a");

        var request = Assert.Single(await Requests.ReadAsync(database));
        Assert.Equal("Failed", request.Status);
        Assert.Equal(1, request.Attempts);
        Assert.Contains("was not found", request.Error);
        Assert.Null(request.ScanId);
    }
}
