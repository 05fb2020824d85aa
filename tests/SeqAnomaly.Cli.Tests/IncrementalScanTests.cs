namespace SeqAnomaly.Cli.Tests;

public sealed class IncrementalScanTests
{
    [Fact]
    public async Task Incremental_NewRows_ScoredWithReusedModelAndShownWithEarlierRows()
    {
        using var database = new SqliteFile();
        database.CreateParts(600, "zz9999zz");
        await CliRun.RunAsync(Scan(database));
        database.Execute("INSERT INTO Parts (Id, Serial) VALUES (5001, 'AB1Q'), (5002, '##99##99'), (5003, NULL)");

        var (exitCode, _) = await CliRun.RunAsync([.. Scan(database), "--incremental"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(1, database.Scalar<long>("SELECT COUNT(*) FROM Models"));
        Assert.Equal(1, database.Scalar<long>("SELECT BaseScanId FROM Scans WHERE ScanId = 2"));
        Assert.Equal(1, database.Scalar<long>("SELECT ModelId FROM Scans WHERE ScanId = 2"));
        Assert.Equal(2, database.Scalar<long>("SELECT RowsScored FROM Scans WHERE ScanId = 2"));
        Assert.Equal(1, database.Scalar<long>("SELECT NullsSkipped FROM Scans WHERE ScanId = 2"));
        Assert.Equal(603, database.Scalar<long>("SELECT COUNT(*) FROM LatestScores"));
        Assert.Equal(1, database.Scalar<long>("SELECT COUNT(*) FROM AnomalousSequences WHERE Value = 'zz9999zz' AND ScanId = 1"));
        Assert.Equal(1, database.Scalar<long>("SELECT COUNT(*) FROM AnomalousSequences WHERE Value = '##99##99' AND ScanId = 2"));
        Assert.Equal(
            database.Scalar<double>("SELECT ThresholdValue FROM Models"),
            database.Scalar<double>("SELECT Threshold FROM Scans WHERE ScanId = 2"));
    }

    [Fact]
    public async Task Incremental_NoModelYet_RunsFullScan()
    {
        using var database = new SqliteFile();
        database.CreateParts(300);

        var (exitCode, output) = await CliRun.RunAsync([.. Scan(database), "--incremental"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("no full scan yet", output, StringComparison.Ordinal);
        Assert.Equal(300, database.Scalar<long>("SELECT RowsScored FROM Scans"));
        Assert.Equal(0, database.Scalar<long>("SELECT COUNT(*) FROM Scans WHERE BaseScanId IS NOT NULL"));
    }

    [Fact]
    public async Task Retrain_AfterIncremental_ReplacesWholeChainInView()
    {
        using var database = new SqliteFile();
        database.CreateParts(400, "zz9999zz");
        await CliRun.RunAsync(Scan(database));
        database.Execute("INSERT INTO Parts (Id, Serial) VALUES (5001, '##99##99')");
        await CliRun.RunAsync([.. Scan(database), "--incremental"]);

        var (exitCode, _) = await CliRun.RunAsync([.. Scan(database), "--retrain"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(402, database.Scalar<long>("SELECT COUNT(*) FROM LatestScores WHERE ScanId = 3"));
        Assert.Equal(402, database.Scalar<long>("SELECT COUNT(*) FROM LatestScores"));
        Assert.Equal(0, database.Scalar<long>("SELECT COUNT(*) FROM AnomalousSequences WHERE ScanId <> 3"));
    }

    [Fact]
    public async Task IncrementalAndRetrain_Together_ExitTwo()
    {
        using var database = new SqliteFile();
        database.CreateParts(20);

        var (exitCode, output) = await CliRun.RunAsync([.. Scan(database), "--incremental", "--retrain"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("--incremental", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
    }

    [Fact]
    public async Task Incremental_DifferentKey_ExitsTwoAndWritesNothing()
    {
        using var database = new SqliteFile();
        database.CreateParts(300);
        await CliRun.RunAsync(Scan(database));
        database.Execute("ALTER TABLE Parts ADD COLUMN Code TEXT; UPDATE Parts SET Code = 'c' || Id");
        var arguments = Scan(database);
        arguments[Array.IndexOf(arguments, "Id")] = "Code";

        var (exitCode, output) = await CliRun.RunAsync([.. arguments, "--incremental"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("key column 'Id', not 'Code'", output, StringComparison.Ordinal);
        Assert.Equal(1, database.Scalar<long>("SELECT COUNT(*) FROM Scans"));
        Assert.Equal(300, database.Scalar<long>("SELECT COUNT(*) FROM LatestScores"));
    }

    [Fact]
    public async Task Incremental_TooWideForClassic_ExitsTwo()
    {
        using var database = new SqliteFile();
        database.CreateParts(300);
        await CliRun.RunAsync(Scan(database));
        database.Execute("INSERT INTO Parts (Id, Serial) VALUES (5001, 'AB12345678901234567890')");

        var (exitCode, output) = await CliRun.RunAsync([.. Scan(database), "--incremental"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("22 characters", output, StringComparison.Ordinal);
        Assert.Contains("--retrain", output, StringComparison.Ordinal);
        Assert.Equal(1, database.Scalar<long>("SELECT COUNT(*) FROM Scans"));
    }

    private static string[] Scan(SqliteFile database) =>
    [
        "scan", "--provider", "sqlite", "--connection", database.ConnectionString,
        "--table", "Parts", "--key", "Id", "--column", "Serial", "--epochs", "20", "--seed", "3",
        "--architecture", "classic", "--threshold", "quantile:0.995",
    ];
}
