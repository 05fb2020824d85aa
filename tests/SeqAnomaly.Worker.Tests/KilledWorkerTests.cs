using System.Diagnostics;
using SeqAnomaly.Data.Tests;

namespace SeqAnomaly.Worker.Tests;

public sealed class KilledWorkerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task KilledWorker_LeaseExpires_AnotherWorkerCompletes(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await SourceTables.CreateAsync(database, "Parts", rows: 2000);
        // Enough epochs that the scan is still training when the first one's progress line arrives.
        var requestId = await Requests.RequestAsync(database, "Parts", """{"epochs": 150, "threshold": "quantile:0.999", "architecture": "classic"}""");

        // A killed process cannot delete its temporary spool files, so the child gets a folder of its own for them.
        var temporary = Directory.CreateTempSubdirectory("seqanomaly-killed-");
        try
        {
            using var child = StartWorker(database, "doomed", temporary.FullName);
            await WaitForLineAsync(child, "Epoch 1/");
            child.Kill();
            await child.WaitForExitAsync();
        }
        finally
        {
            temporary.Delete(recursive: true);
        }

        var killed = Assert.Single(await Requests.ReadAsync(database));
        var scansAfterKill = await database.QueryAsync<string>($"SELECT Status FROM {database.Object("Scans")}");
        Assert.Equal("Running", killed.Status);
        Assert.Equal("doomed/1", killed.ClaimedBy);
        Assert.Equal(["Running"], scansAfterKill);
        Assert.Equal(0, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("SequenceScores")}"));
        Assert.Equal(0, await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {database.Object("Models")}"));
        Assert.Empty(await database.QueryAsync<string>($"SELECT RowKey FROM {database.Object("AnomalousSequences")}"));

        await WorkerRun.DrainAsync(database, "rescuer", leaseSeconds: 2);

        var rescued = Assert.Single(await Requests.ReadAsync(database));
        Assert.Equal(requestId, rescued.RequestId);
        Assert.Equal("Succeeded", rescued.Status);
        Assert.Equal("rescuer/1", rescued.ClaimedBy);
        Assert.Equal(2, rescued.Attempts);
        var outliers = await database.QueryAsync<long>($"SELECT ScanId FROM {database.Object("AnomalousSequences")}");
        Assert.NotEmpty(outliers);
        Assert.All(outliers, scanId => Assert.Equal(rescued.ScanId, scanId));
    }

    private static Process StartWorker(TestDatabase database, string name, string temporaryFolder)
    {
        var cli = CliPath();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TMPDIR"] = temporaryFolder;
        foreach (var argument in new[]
        {
            cli, "worker", "--provider", database.Provider.Name, "--connection", database.ConnectionString,
            "--name", name, "--lease", "2", "--poll-interval", "0.1",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start 'dotnet {cli}'.");
    }

    private static async Task WaitForLineAsync(Process child, string marker)
    {
        var seen = new List<string>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await child.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            seen.Add(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }

        var errors = await child.StandardError.ReadToEndAsync(limit.Token);
        throw new InvalidOperationException(
            $"The worker exited before printing '{marker}'. Output:\n{string.Join('\n', seen)}\nErrors:\n{errors}");
    }

    /// <summary>The built command's assembly, from the Cli project's output folder of this build configuration.</summary>
    private static string CliPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var path = PostgresRoleTests.RepositoryFile(
            Path.Combine("src", "SeqAnomaly.Cli", "bin", configuration, output.Name, "seqanomaly.dll"));
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }
}
