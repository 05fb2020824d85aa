namespace SeqAnomaly.Cli.Tests;

public sealed class InputCheckTests
{
    [Fact]
    public async Task UnknownOption_ExitsTwoNamingIt()
    {
        using var database = new SqliteFile();
        database.CreateParts(20);

        var (exitCode, output) = await CliRun.RunAsync(
            "scan", "--connection", database.ConnectionString, "--table", "Parts", "--key", "Id", "--column", "Serial", "--incremantal");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("incremantal", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Scans"));
    }

    [Fact]
    public async Task MissingSqliteFile_ExitsTwoWithoutCreatingIt()
    {
        using var database = new SqliteFile();
        var missing = Path.Combine(database.Folder, "missing.db");

        var (exitCode, output) = await CliRun.RunAsync(
            "scan", "--connection", $"Data Source={missing}", "--table", "Parts", "--key", "Id", "--column", "Serial");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task MalformedConnectionString_ExitsTwo()
    {
        var (exitCode, output) = await CliRun.RunAsync(
            "migrate", "--connection", "Data Source=x.db;Colour=blue");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("connection string", output, StringComparison.Ordinal);
        Assert.False(File.Exists("x.db"));
    }

    [Fact]
    public async Task Worker_DatabaseWithoutQueue_ExitsTwo()
    {
        using var database = new SqliteFile();
        database.CreateParts(5);

        var (exitCode, output) = await CliRun.RunAsync("worker", "--connection", database.ConnectionString, "--drain");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("seqanomaly migrate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_Quiet_PrintsOnlyResult()
    {
        using var database = new SqliteFile();

        var (exitCode, output) = await CliRun.RunAsync("migrate", "--connection", database.ConnectionString, "--quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines);
        Assert.EndsWith("migration(s) applied to the sqlite database; it is up to date.", lines[0], StringComparison.Ordinal);
        Assert.True(database.TableExists("Scans"));
    }

    [Fact]
    public async Task Worker_DrainedQueue_ExitsZero()
    {
        using var database = new SqliteFile();
        database.CreateParts(300);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("migrate", "--connection", database.ConnectionString)).ExitCode);
        var (requestExit, _) = await CliRun.RunAsync(
            "request", "--connection", database.ConnectionString, "--table", "Parts", "--key", "Id", "--column", "Serial",
            "--options", "{\"epochs\":1}");

        var (exitCode, output) = await CliRun.RunAsync(
            "worker", "--connection", database.ConnectionString, "--drain", "--poll-interval", "0.1");

        Assert.Equal(ExitCodes.Success, requestExit);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("ObjectDisposedException", output, StringComparison.Ordinal);
        Assert.Equal(1L, database.Scalar<long>("SELECT COUNT(*) FROM ScanRequests WHERE Status = 'Succeeded'"));
    }

    [Fact]
    public async Task ImportCsv_RaggedRow_ExitsTwoNamingLine()
    {
        using var database = new SqliteFile();
        var csv = Path.Combine(database.Folder, "ragged.csv");
        File.WriteAllText(csv, "a,b\n1,2\n3\n");

        var (exitCode, output) = await CliRun.RunAsync(
            "import-csv", "--connection", database.ConnectionString, "--table", "Ragged", "--file", csv);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("line 3", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Ragged"));
    }

    [Fact]
    public async Task ImportCsv_UnclosedQuote_ExitsTwo()
    {
        using var database = new SqliteFile();
        var csv = Path.Combine(database.Folder, "quote.csv");
        File.WriteAllText(csv, "a,b\n\"1,2\n");

        var (exitCode, output) = await CliRun.RunAsync(
            "import-csv", "--connection", database.ConnectionString, "--table", "Quoted", "--file", csv);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("CSV file", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Quoted"));
    }

    [Fact]
    public async Task Scan_TableTypedDifferently_UsesCatalogNameForModel()
    {
        using var database = new SqliteFile();
        database.CreateParts(200);

        var (exitCode, _) = await CliRun.RunAsync(
            "scan", "--connection", database.ConnectionString, "--table", "main.\"Parts\"", "--key", "Id", "--column", "Serial",
            "--architecture", "classic", "--epochs", "2");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("Parts.Serial", database.Scalar<string>("SELECT Name FROM Models"));
    }
}
