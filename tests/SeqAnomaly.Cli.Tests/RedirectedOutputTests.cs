using System.Diagnostics;

namespace SeqAnomaly.Cli.Tests;

/// <summary>Output of the real command when standard output is a pipe, as in scripts and CI logs.</summary>
public sealed class RedirectedOutputTests
{
    [Fact]
    public async Task ScanHelp_ToPipe_ExampleLineWhole()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(SeqAnomalyApp).Assembly.Location, "scan", "--help" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        var example = Assert.Single(output.Split('\n'), line => line.Contains("--provider sqlite", StringComparison.Ordinal));
        Assert.Contains("--connection \"Data Source=parts.db\"", example, StringComparison.Ordinal);
        Assert.EndsWith("--column Serial", example.TrimEnd(), StringComparison.Ordinal);
    }
}
