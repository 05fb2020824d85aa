using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SeqAnomaly.Cli.Worker;
using SeqAnomaly.Data.Tests;

namespace SeqAnomaly.Worker.Tests;

/// <summary>Runs the worker host in this process with <c>Drain</c>, so that it returns once no request is left.</summary>
internal static class WorkerRun
{
    public static async Task DrainAsync(TestDatabase database, string name, double leaseSeconds = 30)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Worker:Name"] = name,
            ["Worker:Drain"] = "true",
            ["Worker:PollIntervalSeconds"] = "0.1",
            ["Worker:LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var builder = WorkerHost.CreateBuilder(overrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var host = WorkerHost.Build(builder, database.Store);

        // A worker that never drains fails the test instead of hanging it; the assertions then show what is left.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await host.RunAsync(limit.Token);
    }
}
