using SeqAnomaly.Cli;
using SeqAnomaly.Cli.Scanning;
using Spectre.Console.Testing;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>A stored model whose weights no longer match their SHA-256 is rejected by every command that loads it.</summary>
public sealed class ModelChecksumTests
{
    [Theory]
    [InlineData("score")]
    [InlineData("report")]
    public async Task LoadModel_WeightsChanged_RejectedNamingTheModel(string command)
    {
        await using var database = await TestDatabase.CreateMigratedAsync("sqlite");
        await Scans.CreatePartsAsync(database, "Parts", 300, "ZZZZZZZZZZ##");
        var scan = await new ScanRunner(database.Store).RunAsync(Scans.Request("Parts"));
        // One changed byte in the middle of the weights, as a damaged page or a hand edit would leave them.
        var weights = (await database.QueryAsync<byte[]>("SELECT Weights FROM Models")).Single();
        weights[weights.Length / 2] ^= 0x5A;
        await database.ExecuteAsync("UPDATE Models SET Weights = @Weights", new { Weights = weights });
        using var folder = new TemporaryFolder();
        string[] args = command == "score"
            ? ["score", "--connection", database.ConnectionString, "--model", "Parts.Serial", "AB1Q"]
            : ["report", "--connection", database.ConnectionString, "--scan", scan.ScanId.ToString(), "--out", folder.Path];
        var console = new TestConsole().Width(400);

        var exitCode = await SeqAnomalyApp.RunAsync(args, console);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("Model 'Parts.Serial' version 1", console.Output, StringComparison.Ordinal);
        Assert.Contains("SHA-256", console.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("seqanomaly-checksum-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
