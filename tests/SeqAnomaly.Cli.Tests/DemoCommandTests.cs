using SeqAnomaly.Cli.Demo;

namespace SeqAnomaly.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_NewFile_ScoresAllRowsAndListsPlantedValues()
    {
        using var database = new SqliteFile();

        var (exitCode, output) = await CliRun.RunAsync("demo", "--db", database.Path, "--seed", "5");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(25_005, database.Scalar<long>("SELECT COUNT(*) FROM SequenceScores"));
        Assert.Equal(25_005, database.Scalar<long>("SELECT COUNT(*) FROM Parts"));
        Assert.True(database.Scalar<long>("SELECT COUNT(*) FROM AnomalousSequences") > 0);
        foreach (var planted in DemoDatabase.Planted)
        {
            Assert.Contains(planted, output, StringComparison.Ordinal);
        }

        Assert.Contains("AnomalousSequences", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ExistingForeignFile_ExitsTwoAndLeavesItUnchanged()
    {
        using var database = new SqliteFile();
        database.Execute("CREATE TABLE Customers (Id INTEGER)");
        var before = File.ReadAllBytes(database.Path);

        var (exitCode, output) = await CliRun.RunAsync("demo", "--db", database.Path);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("not created by the demo", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(database.Path));
    }

    [Fact]
    public void GenerateSerials_SameSeed_SameOrderWithPlantedValues()
    {
        var first = DemoDatabase.GenerateSerials(9);
        var second = DemoDatabase.GenerateSerials(9);

        Assert.Equal(first, second);
        Assert.Equal(25_005, first.Count);
        Assert.All(DemoDatabase.Planted, planted => Assert.Single(first, planted));
        Assert.All(first.Except(DemoDatabase.Planted), serial => Assert.Matches("^[A-F]{4}[0-2][QWOPZXML]{3}$", serial));
    }
}
