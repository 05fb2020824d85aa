namespace SeqAnomaly.Cli.Tests;

public sealed class ReportCommandTests(ScannedDatabase database) : IClassFixture<ScannedDatabase>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Report_StoredScan_WritesPageAndPlots()
    {
        var folder = Path.Combine(database.Folder, "report");

        var (exitCode, output) = await CliRun.RunAsync(Report("1", folder));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("index.html", output, StringComparison.Ordinal);
        foreach (var plot in new[] { "loss.png", "scores.png", "value-1.png", "value-10.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, plot));
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.True(bytes.Length > 5_000, $"{plot} has only {bytes.Length} bytes.");
        }

        Assert.False(File.Exists(Path.Combine(folder, "value-11.png")));
    }

    [Fact]
    public async Task Report_Page_NamesTopValueAndRule()
    {
        var folder = Path.Combine(database.Folder, "report-page");

        await CliRun.RunAsync(Report("1", folder));

        var html = File.ReadAllText(Path.Combine(folder, "index.html"));
        var topValue = database.File.Scalar<string>("SELECT Value FROM SequenceScores ORDER BY Score DESC LIMIT 1");
        var threshold = database.File.Scalar<double>("SELECT Threshold FROM Scans WHERE ScanId = 1");
        Assert.Equal(ScannedDatabase.Planted, topValue);
        Assert.Contains($"<code>{ScannedDatabase.Planted}</code>", html, StringComparison.Ordinal);
        Assert.Contains($"Rule {ScannedDatabase.Threshold}", html, StringComparison.Ordinal);
        Assert.Contains($"greater than the threshold {threshold:G6}", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"scores.png\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"loss.png\"", html, StringComparison.Ordinal);
        Assert.Contains("position ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownScan_ExitsTwoAndWritesNothing()
    {
        var folder = Path.Combine(database.Folder, "missing");

        var (exitCode, output) = await CliRun.RunAsync(Report("99", folder));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Scan 99 was not found", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Report_DatabaseWithoutProductTables_ExitsTwo()
    {
        using var empty = new SqliteFile();
        empty.CreateParts(5);

        var (exitCode, output) = await CliRun.RunAsync(
            "report", "--connection", empty.ConnectionString, "--scan", "1", "--out", Path.Combine(empty.Folder, "out"));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("no SeqAnomaly tables", output, StringComparison.Ordinal);
        Assert.False(empty.TableExists("Scans"));
    }

    [Fact]
    public async Task Report_MissingOut_ExitsTwoNamingOption()
    {
        var (exitCode, output) = await CliRun.RunAsync("report", "--connection", database.ConnectionString, "--scan", "1");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("--out", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OutIsFile_ExitsTwo()
    {
        var file = Path.Combine(Path.GetTempPath(), $"seqanomaly-report-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "keep");
        try
        {
            var (exitCode, output) = await CliRun.RunAsync(Report("1", file));

            Assert.Equal(ExitCodes.InvalidInput, exitCode);
            Assert.Contains("--out", output, StringComparison.Ordinal);
            Assert.Equal("keep", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private string[] Report(string scanId, string folder) =>
        ["report", "--connection", database.ConnectionString, "--scan", scanId, "--out", folder];
}
