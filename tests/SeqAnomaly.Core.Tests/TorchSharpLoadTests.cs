using SeqAnomaly.Core.Models;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Tests;

// Loading the native library fails with "GLIBCXX_3.4.32 not found" on Debian 12 unless the build's
// fix was applied to this test project's output, so these tests guard that fix.
public sealed class TorchSharpLoadTests
{
    [Fact]
    public void ForwardAndBackward_LinearLayer_ProducesGradients()
    {
        // Under the product's torch lock, whose first use sets MKL up before anything has been computed.
        var (shape, gradientSum) = TorchGate.Create(1, () =>
        {
            using var layer = nn.Linear(3, 2);
            using var input = ones(4, 3);
            using var output = layer.forward(input);
            using var loss = output.square().sum();
            loss.backward();
            var gradient = layer.weight!.grad!;
            return (gradient.shape, gradient.abs().sum().item<float>());
        });

        Assert.Equal([2L, 3L], shape);
        Assert.True(gradientSum > 0);
        Assert.True(TorchGate.MklReproducible);
    }

    [Fact]
    public void OutputFolder_WhenSystemLacksVersion_HasWeakVersionNeed()
    {
        var library = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);

        Assert.Single(library);
        var readelf = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("readelf", ["-V", library[0]]) { RedirectStandardOutput = true })!;
        var listing = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        var need = listing.Split('\n').Single(line => line.Contains("Name: GLIBCXX_3.4.32", StringComparison.Ordinal));
        var systemHasVersion = File.ReadAllText("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")
            .Contains("GLIBCXX_3.4.32", StringComparison.Ordinal);
        Assert.Equal(!systemHasVersion, need.Contains("WEAK", StringComparison.Ordinal));
    }
}
