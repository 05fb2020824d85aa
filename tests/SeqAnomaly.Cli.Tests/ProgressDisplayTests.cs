using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Scanning;
using Spectre.Console.Testing;

namespace SeqAnomaly.Cli.Tests;

public sealed class ProgressDisplayTests
{
    private static readonly ScanProgress[] Reports =
    [
        new(ScanStage.Reading, 500, 500, "Read 500 rows."),
        .. Enumerable.Range(1, 30).Select(epoch => new ScanProgress(ScanStage.Training, epoch, 30, $"Epoch {epoch}/30.")),
        new(ScanStage.Scoring, 500, 500, "Scored 500 values."),
        new(ScanStage.Writing, 500, 500, "Wrote scan 1."),
    ];

    [Fact]
    public async Task RunAsync_Interactive_DrawsTaskPerStage()
    {
        var console = new TestConsole().Width(150).Interactive().EmitAnsiSequences();

        var result = await ProgressDisplay.RunAsync(console, Verbosity.Normal, interactive: true, Replay);

        Assert.Equal(42, result);
        foreach (var stage in Enum.GetNames<ScanStage>())
        {
            Assert.Contains(stage, console.Output, StringComparison.Ordinal);
        }

        Assert.Contains("100%", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotInteractive_WritesEveryTenthEpoch()
    {
        var console = new TestConsole().Width(150);

        await ProgressDisplay.RunAsync(console, Verbosity.Normal, interactive: false, Replay);

        var lines = console.Lines.Where(line => line.Length > 0).ToList();
        Assert.Equal(14, lines.Count);
        Assert.Contains(lines, line => line.EndsWith("Epoch 1/30.", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("Epoch 30/30.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.EndsWith("Epoch 2/30.", StringComparison.Ordinal));
        Assert.DoesNotContain("━", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Verbose_WritesEveryEpoch()
    {
        var console = new TestConsole().Width(150);

        await ProgressDisplay.RunAsync(console, Verbosity.Verbose, interactive: false, Replay);

        Assert.Equal(Reports.Length, console.Lines.Count(line => line.Length > 0));
    }

    [Fact]
    public async Task RunAsync_Quiet_WritesNothing()
    {
        var console = new TestConsole().Width(150);

        await ProgressDisplay.RunAsync(console, Verbosity.Quiet, interactive: true, Replay);

        Assert.Equal(string.Empty, console.Output);
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("score")]
    [InlineData("report")]
    [InlineData("demo")]
    public async Task Help_EveryCommand_ShowsExample(string command)
    {
        var (exitCode, output) = await CliRun.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("EXAMPLES:", output, StringComparison.Ordinal);
        Assert.Contains($"seqanomaly {command}", output, StringComparison.Ordinal);
    }

    private static Task<int> Replay(IProgress<ScanProgress> progress)
    {
        foreach (var report in Reports)
        {
            progress.Report(report);
        }

        return Task.FromResult(42);
    }
}
