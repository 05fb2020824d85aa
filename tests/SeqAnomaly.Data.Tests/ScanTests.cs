namespace SeqAnomaly.Data.Tests;

public sealed class ScanTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task StartScan_NewScan_ShowsRunning(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");

        var scanId = await database.Store.StartScanAsync(source);
        var summary = Assert.Single(await database.QueryAsync<SummaryRow>($"SELECT * FROM {database.Object("ScanSummary")}"));

        Assert.Equal(scanId, summary.ScanId);
        Assert.Equal("Running", summary.Status);
        Assert.Equal(source.DisplayTable, summary.SourceTable);
        Assert.Equal(source.ValueColumn, summary.SourceColumn);
        Assert.Equal(source.KeyColumn, summary.KeyColumn);
        Assert.Null(summary.FinishedAt);
        Assert.Null(summary.DurationSeconds);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task CompleteScan_Outliers_ShownInAnomalousSequences(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var scanId = await database.Store.StartScanAsync(source);

        var modelId = await database.Store.CompleteScanAsync(
            scanId, Samples.Model(), Samples.History, Samples.PartsScores, Samples.PartsCounts);
        var rows = await database.QueryAsync<AnomalousRow>(
            $"SELECT * FROM {database.Object("AnomalousSequences")} ORDER BY RowKey");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["3", "5"], rows.Select(r => r.RowKey));
        Assert.Equal(["AB102", "AB104"], rows.Select(r => r.Value));
        Assert.Equal([0.90, 0.70], rows.Select(r => r.Score));
        Assert.Equal(["position 5: '2' is rare here", null], rows.Select(r => r.Explanation));
        Assert.All(rows, r => Assert.Equal(scanId, r.ScanId));
        Assert.All(rows, r => Assert.Equal(source.DisplayTable, r.SourceTable));
        Assert.All(rows, r => Assert.Equal("Serial", r.SourceColumn, ignoreCase: true));
        Assert.All(rows, r => Assert.Equal(0.5, r.Threshold));
        Assert.All(rows, r => Assert.True(r.IsOutlier));
        Assert.All(rows, r => Assert.Equal(modelId, r.ModelId));
        Assert.All(rows, r => Assert.NotNull(r.ScannedAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task CompleteScan_Succeeded_WritesCountsAndHistory(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var scanId = await database.Store.StartScanAsync(source);

        var modelId = await database.Store.CompleteScanAsync(
            scanId, Samples.Model(), Samples.History, Samples.PartsScores, Samples.PartsCounts);
        var summary = Assert.Single(await database.QueryAsync<SummaryRow>($"SELECT * FROM {database.Object("ScanSummary")}"));
        var history = await database.QueryAsync<HistoryRow>(
            $"SELECT ModelId, Epoch, TrainingLoss, ValidationLoss FROM {database.Object("TrainingHistory")} ORDER BY Epoch");

        Assert.Equal("Succeeded", summary.Status);
        Assert.Equal(modelId, summary.ModelId);
        Assert.Equal(6, summary.RowsRead);
        Assert.Equal(1, summary.NullsSkipped);
        Assert.Equal(5, summary.RowsScored);
        Assert.Equal(2, summary.Outliers);
        Assert.Equal("percentile:99.98", summary.ThresholdRule);
        Assert.Equal(0.5, summary.Threshold);
        Assert.NotNull(summary.FinishedAt);
        Assert.InRange(summary.DurationSeconds!.Value, 0, 600);
        Assert.Equal([1, 2], history.Select(h => h.Epoch));
        Assert.All(history, h => Assert.Equal(modelId, h.ModelId));
        Assert.Equal([0.6, null], history.Select(h => h.ValidationLoss));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task CompleteScan_FailsMidway_LeavesPreviousResults(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var firstScan = await database.Store.StartScanAsync(source);
        await database.Store.CompleteScanAsync(
            firstScan, Samples.Model(), Samples.History, Samples.PartsScores, Samples.PartsCounts);
        var secondScan = await database.Store.StartScanAsync(source);
        ScoreRow[] duplicateKeys = [new("1", "AB100", 0.99, true, null), new("1", "AB100", 0.99, true, null)];

        await Assert.ThrowsAnyAsync<Exception>(() => database.Store.CompleteScanAsync(
            secondScan, Samples.Model(), Samples.History, duplicateKeys, Samples.PartsCounts));

        var view = await database.QueryAsync<AnomalousRow>($"SELECT * FROM {database.Object("AnomalousSequences")}");
        Assert.Equal(1, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("Models")}"));
        Assert.Equal(2, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("TrainingHistory")}"));
        Assert.Equal(0, await database.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM {database.Object("SequenceScores")} WHERE ScanId = @secondScan", new { secondScan }));
        Assert.Equal("Running", await database.ScalarAsync<string>(
            $"SELECT Status FROM {database.Object("Scans")} WHERE ScanId = @secondScan", new { secondScan }));
        Assert.Equal(2, view.Count);
        Assert.All(view, r => Assert.Equal(firstScan, r.ScanId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task CompleteScan_LaterScan_ReplacesViewRows(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var firstScan = await database.Store.StartScanAsync(source);
        await database.Store.CompleteScanAsync(
            firstScan, Samples.Model(), Samples.History, Samples.PartsScores, Samples.PartsCounts);
        var secondScan = await database.Store.StartScanAsync(source);

        await database.Store.CompleteScanAsync(
            secondScan, Samples.Model(), Samples.History, [new ScoreRow("4", "AB103", 0.8, true, null)], Samples.PartsCounts);
        var view = Assert.Single(await database.QueryAsync<AnomalousRow>($"SELECT * FROM {database.Object("AnomalousSequences")}"));

        Assert.Equal(secondScan, view.ScanId);
        Assert.Equal("4", view.RowKey);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task FailScan_RunningScan_ShowsFailedInSummary(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var scanId = await database.Store.StartScanAsync(source);

        await database.Store.FailScanAsync(scanId, "Training diverged: loss is NaN.");
        var summary = Assert.Single(await database.QueryAsync<SummaryRow>($"SELECT * FROM {database.Object("ScanSummary")}"));

        Assert.Equal("Failed", summary.Status);
        Assert.Equal("Training diverged: loss is NaN.", summary.ErrorMessage);
        Assert.NotNull(summary.FinishedAt);
        Assert.NotNull(summary.DurationSeconds);
        Assert.Null(summary.ModelId);
        Assert.Empty(await database.QueryAsync<AnomalousRow>($"SELECT * FROM {database.Object("AnomalousSequences")}"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task FailScan_SucceededScan_RaisesInvalidOperation(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var scanId = await database.Store.StartScanAsync(source);
        await database.Store.CompleteScanAsync(scanId, Samples.Model(), Samples.History, Samples.PartsScores, Samples.PartsCounts);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.Store.FailScanAsync(scanId, "late"));

        Assert.Equal("Succeeded", await database.ScalarAsync<string>(
            $"SELECT Status FROM {database.Object("Scans")} WHERE ScanId = @scanId", new { scanId }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task FindModel_TwoVersions_ReturnsLatest(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var before = DateTime.UtcNow.AddSeconds(-5);
        var model = Samples.Model();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var scanId = await database.Store.StartScanAsync(source);
            await database.Store.CompleteScanAsync(scanId, model, Samples.History, Samples.PartsScores, Samples.PartsCounts);
        }

        var stored = await database.Store.FindModelAsync(model.Name);
        var missing = await database.Store.FindModelAsync("no-such-model");

        Assert.NotNull(stored);
        Assert.Equal(2, stored.Version);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.InRange(stored.CreatedAt, before, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(model.Weights, stored.Model.Weights);
        Assert.Equal(model.WeightsSha256, stored.Model.WeightsSha256);
        Assert.Equal(model.EncodingJson, stored.Model.EncodingJson);
        Assert.Null(stored.Model.FinalValidationLoss);
        Assert.Equal(model with { Weights = stored.Model.Weights }, stored.Model);
        Assert.Null(missing);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task CompleteScan_HundredThousandScores_RoundTrip(string engine)
    {
        const int count = 100_000;
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var source = await database.Store.ResolveSourceAsync("Parts", "Id", "Serial");
        var scanId = await database.Store.StartScanAsync(source);
        var scores = Enumerable.Range(0, count)
            .Select(i => new ScoreRow($"k{i}", i % 10 == 0 ? null : $"V{i}", i / 1000.0, i % 1000 == 0, i % 1000 == 0 ? $"row {i}" : null));

        await database.Store.CompleteScanAsync(
            scanId, Samples.Model(), Samples.History, scores, Samples.PartsCounts with { Outliers = count / 1000 });
        var stats = Assert.Single(await database.QueryAsync<(long Rows, double Total, long Nulls)>(
            $"SELECT COUNT(*), SUM(Score), SUM(CASE WHEN Value IS NULL THEN 1 ELSE 0 END) " +
            $"FROM {database.Object("SequenceScores")} WHERE ScanId = @scanId",
            new { scanId }));
        var sample = Assert.Single(await database.QueryAsync<AnomalousRow>(
            $"SELECT * FROM {database.Object("AnomalousSequences")} WHERE RowKey = 'k54000'"));
        var outliers = await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("AnomalousSequences")}");

        Assert.Equal(count, stats.Rows);
        Assert.Equal(Enumerable.Range(0, count).Sum(i => i / 1000.0), stats.Total, precision: 6);
        Assert.Equal(count / 10, stats.Nulls);
        Assert.Null(sample.Value);
        Assert.Equal(54.0, sample.Score);
        Assert.Equal("row 54000", sample.Explanation);
        Assert.Equal(count / 1000, outliers);
    }

    private sealed class HistoryRow
    {
        public long ModelId { get; set; }

        public int Epoch { get; set; }

        public double TrainingLoss { get; set; }

        public double? ValidationLoss { get; set; }
    }

    private sealed class AnomalousRow
    {
        public long ScanId { get; set; }

        public string SourceTable { get; set; } = "";

        public string SourceColumn { get; set; } = "";

        public string RowKey { get; set; } = "";

        public string? Value { get; set; }

        public double Score { get; set; }

        public double? Threshold { get; set; }

        public bool IsOutlier { get; set; }

        public string? Explanation { get; set; }

        public long? ModelId { get; set; }

        public object? ScannedAt { get; set; }
    }

    private sealed class SummaryRow
    {
        public long ScanId { get; set; }

        public string SourceTable { get; set; } = "";

        public string SourceColumn { get; set; } = "";

        public string KeyColumn { get; set; } = "";

        public string Status { get; set; } = "";

        public object? StartedAt { get; set; }

        public object? FinishedAt { get; set; }

        public double? DurationSeconds { get; set; }

        public long? RowsRead { get; set; }

        public long? NullsSkipped { get; set; }

        public long? RowsScored { get; set; }

        public long? Outliers { get; set; }

        public string? ThresholdRule { get; set; }

        public double? Threshold { get; set; }

        public long? ModelId { get; set; }

        public string? ErrorMessage { get; set; }
    }
}
