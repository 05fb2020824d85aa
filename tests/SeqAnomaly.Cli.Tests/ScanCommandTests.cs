using System.Text.Json;

namespace SeqAnomaly.Cli.Tests;

public sealed class ScanCommandTests
{
    [Fact]
    public async Task Scan_SqliteTable_StoresEveryNonNullRowAndShowsOutliersInView()
    {
        using var database = new SqliteFile();
        database.CreateParts(1500, "zz9999zz", null, null);

        var (exitCode, output) = await CliRun.RunAsync(Scan(database, "--threshold", "quantile:0.995"));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(1501, database.Scalar<long>("SELECT COUNT(*) FROM SequenceScores"));
        Assert.Equal(0, database.Scalar<long>("SELECT COUNT(*) FROM SequenceScores WHERE Value IS NULL"));
        Assert.Equal("Succeeded", database.Scalar<string>("SELECT Status FROM Scans"));
        Assert.Equal(2, database.Scalar<long>("SELECT NullsSkipped FROM Scans"));
        var outliers = database.Scalar<long>("SELECT Outliers FROM Scans");
        Assert.True(outliers > 0);
        Assert.Equal(outliers, database.Scalar<long>("SELECT COUNT(*) FROM AnomalousSequences"));
        Assert.Equal(outliers, database.Scalar<long>("SELECT COUNT(*) FROM AnomalousSequences WHERE Score > Threshold AND SourceTable = 'Parts' AND SourceColumn = 'Serial'"));
        Assert.Equal("zz9999zz", database.Scalar<string>("SELECT Value FROM AnomalousSequences ORDER BY Score DESC LIMIT 1"));
        Assert.Contains("NULLs skipped", output, StringComparison.Ordinal);
        Assert.Contains("zz9999zz", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_AutoWithTiedScores_CountsFlaggedRows()
    {
        using var database = new SqliteFile();
        database.CreateParts(3000, "AB1Z");

        var (exitCode, output) = await CliRun.RunAsync(Scan(database));

        Assert.Equal(ExitCodes.Success, exitCode);
        var flagged = database.Scalar<long>("SELECT COUNT(*) FROM SequenceScores WHERE IsOutlier = 1");
        Assert.True(flagged >= 1);
        Assert.True(database.Scalar<long>("SELECT COUNT(DISTINCT Score) FROM SequenceScores") < 500);
        Assert.Equal(flagged, database.Scalar<long>("SELECT Outliers FROM Scans"));
        Assert.Equal(flagged, database.Scalar<long>("SELECT COUNT(*) FROM SequenceScores WHERE Score > (SELECT Threshold FROM Scans)"));
        Assert.Contains($"flags {flagged:N0}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_TwiceWithSameSeed_GivesSameScores()
    {
        using var database = new SqliteFile();
        database.CreateParts(400, "XXXXXXX");

        await CliRun.RunAsync(Scan(database));
        await CliRun.RunAsync(Scan(database));

        var differing = database.Scalar<long>(
            "SELECT COUNT(*) FROM SequenceScores a JOIN SequenceScores b ON a.RowKey = b.RowKey WHERE a.ScanId = 1 AND b.ScanId = 2 AND a.Score <> b.Score");
        Assert.Equal(401, database.Scalar<long>("SELECT COUNT(*) FROM SequenceScores WHERE ScanId = 2"));
        Assert.Equal(0, differing);
        Assert.Equal(2, database.Scalar<long>("SELECT MAX(Version) FROM Models WHERE Name = 'Parts.Serial'"));
    }

    [Theory]
    [InlineData("Partz", "Id", "Serial", "Partz")]
    [InlineData("Parts", "Id", "Serial2", "Serial2")]
    [InlineData("Parts", "Key", "Serial", "Key")]
    [InlineData("Parts\"; DROP TABLE Parts; --", "Id", "Serial", "DROP TABLE")]
    [InlineData("Parts]", "Id", "Serial", "Parts]")]
    [InlineData("Parts", "Id", "Serial -- x", "Serial -- x")]
    public async Task Scan_UnknownNames_ExitsTwoAndWritesNothing(string table, string key, string column, string named)
    {
        using var database = new SqliteFile();
        database.CreateParts(50);

        var (exitCode, output) = await CliRun.RunAsync(Scan(database, table, key, column));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
        Assert.Equal(50, database.Scalar<long>("SELECT COUNT(*) FROM Parts"));
    }

    [Theory]
    [InlineData("CREATE TABLE Codes (Code TEXT, Value TEXT); INSERT INTO Codes VALUES ('a', 'x'), ('a', 'y'), ('b', 'z');", "key 'a' occurs 2 times")]
    [InlineData("CREATE TABLE Codes (Code, Value TEXT); INSERT INTO Codes VALUES (7, 'x'), ('7', 'y'), (8, 'z');", "key '7' occurs 2 times")]
    public async Task Scan_DuplicateKeys_ExitsTwoNamingKey(string createTable, string named)
    {
        using var database = new SqliteFile();
        database.Execute(createTable);

        var (exitCode, output) = await CliRun.RunAsync(Scan(database, "Codes", "Code", "Value"));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Key column 'Code'", output, StringComparison.Ordinal);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
    }

    [Fact]
    public async Task Scan_AllNullColumn_ExitsTwoAndWritesNothing()
    {
        using var database = new SqliteFile();
        database.CreateParts(0, null, null, null);

        var (exitCode, output) = await CliRun.RunAsync(Scan(database));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("only NULL", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
    }

    [Fact]
    public async Task Scan_EmptyTable_ExitsTwoAndWritesNothing()
    {
        using var database = new SqliteFile();
        database.CreateParts(0);

        var (exitCode, output) = await CliRun.RunAsync(Scan(database));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("empty", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs")]
    [InlineData("--threshold", "median", "--threshold")]
    [InlineData("--provider", "oracle", "--provider")]
    [InlineData("--architecture", "lstm", "--architecture")]
    public async Task Scan_InvalidOption_ExitsTwoNamingOption(string option, string value, string named)
    {
        using var database = new SqliteFile();
        database.CreateParts(20);

        var (exitCode, output) = await CliRun.RunAsync([.. Scan(database), option, value]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
    }

    [Theory]
    [InlineData("--epochs", "Missing value for --epochs")]
    [InlineData("--epochs|--seed|3", "Missing value for --epochs")]
    [InlineData("--sample-size|", "Invalid value '' for --sample-size")]
    [InlineData("--batch-size= ", "Invalid value ' ' for --batch-size")]
    [InlineData("--model-name", "Missing value for --model-name: expected a value")]
    [InlineData("--threshold|--seed|3", "Missing value for --threshold: expected a value")]
    public async Task Scan_OptionWithoutValue_ExitsTwoNamingOption(string options, string message)
    {
        using var database = new SqliteFile();
        database.CreateParts(20);

        var (exitCode, output) = await CliRun.RunAsync([.. Scan(database), .. options.Split('|')]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
    }

    [Fact]
    public async Task Scan_IntegerValueColumn_ScoresTextForm()
    {
        using var database = new SqliteFile();
        database.Execute("CREATE TABLE Readings (Id TEXT PRIMARY KEY, Amount INTEGER)");
        database.Execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO Readings SELECT 'r' || i, 1000 + i FROM n");

        var (exitCode, _) = await CliRun.RunAsync(Scan(database, "Readings", "Id", "Amount", "--threshold", "value:1000"));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("1001", database.Scalar<string>("SELECT Value FROM SequenceScores WHERE RowKey = 'r1'"));
        Assert.Equal(0, database.Scalar<long>("SELECT Outliers FROM Scans"));
    }

    [Fact]
    public async Task Scan_Json_SplitsDocumentAndProgress()
    {
        using var database = new SqliteFile();
        database.CreateParts(300, "zz9999zz");

        var (exitCode, output, error) = await CliRun.RunSplitAsync(null, [.. Scan(database), "--json", "--architecture", "classic", "--threshold", "quantile:0.99"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1, root.GetProperty("scanId").GetInt64());
        Assert.Equal(301, root.GetProperty("rowsScored").GetInt64());
        Assert.Equal("Serial", root.GetProperty("valueColumn").GetString());
        Assert.Equal(root.GetProperty("outliers").GetInt64(), root.GetProperty("topOutliers").GetArrayLength());
        Assert.Equal("zz9999zz", root.GetProperty("topOutliers")[0].GetProperty("value").GetString());
        Assert.Contains("Epoch 5/5", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Quiet_PrintsOneLine()
    {
        using var database = new SqliteFile();
        database.CreateParts(100);

        var (exitCode, output) = await CliRun.RunAsync(Scan(database, "--quiet"));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Scan 1: ", output, StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }

    private static string[] Scan(SqliteFile database, params string[] extra) =>
        Scan(database, "Parts", "Id", "Serial", extra);

    private static string[] Scan(SqliteFile database, string table, string key, string column, params string[] extra) =>
    [
        "scan", "--provider", "sqlite", "--connection", database.ConnectionString,
        "--table", table, "--key", key, "--column", column, "--epochs", "5", "--seed", "3", .. extra,
    ];
}
