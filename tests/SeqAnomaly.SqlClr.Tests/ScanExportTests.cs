using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;
using SeqAnomaly.Data;
using SeqAnomaly.SqlClr.Portable;

namespace SeqAnomaly.SqlClr.Tests;

/// <summary>
/// Runs a real scan on a SQLite file and checks the portable export it stores: its SHA-256, its threshold,
/// and that it flags and explains the stored scores' values as the scan did.
/// </summary>
public sealed class ScanExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seqanomaly-clr-").FullName;

    [Theory]
    [InlineData(CharacterModel.Name, "quantile:0.995")]
    [InlineData(ClassicModel.Name, "quantile:0.99")]
    public async Task Scan_StoredModel_HasMatchingPortableExport(string architecture, string rule)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, $"{architecture}.db") }.ToString();
        await CreatePartsAsync(connectionString);
        var store = new AnomalyStore(new SqliteProvider(), connectionString);
        var request = new ScanRequest(
            "Parts", "Id", "Serial", null, architecture, ThresholdRule.Parse(rule),
            ModelCatalog.DefaultTrainingOptions(architecture) with { Epochs = 3, Seed = 2 }, new ScanTuning());

        var result = await new ScanRunner(store).RunAsync(request);
        var stored = await store.FindModelAsync("Parts.Serial");
        await using var connection = new SqliteConnection(connectionString);
        var scores = (await connection.QueryAsync<StoredScore>(
            "SELECT Value, Score, IsOutlier, Explanation FROM SequenceScores WHERE ScanId = @ScanId",
            new { result.ScanId })).ToList();

        Assert.NotNull(stored);
        var portableBytes = stored.Model.PortableModel;
        Assert.NotNull(portableBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(portableBytes)), stored.Model.PortableModelSha256);
        var portable = StoredPortableModel.Load(
            "Parts.Serial",
            new StoredPortableModel(stored.ModelId, stored.Version, portableBytes, stored.Model.PortableModelSha256, null));
        Assert.Equal(architecture, portable.Architecture);
        Assert.Equal(stored.Model.ThresholdValue, portable.Threshold);
        Assert.Equal(result.Counts.Threshold, portable.Threshold);
        Assert.Equal(1500, scores.Count);
        Assert.Contains(scores, score => score.IsOutlier);
        foreach (var score in scores)
        {
            Assert.Equal(score.Score, portable.Score(score.Value), 1e-5 * Math.Max(score.Score, 1e-3));
            Assert.True(score.IsOutlier == portable.IsAnomalous(score.Value), $"'{score.Value}' flagged {score.IsOutlier} by the scan.");
            if (score.IsOutlier && architecture == CharacterModel.Name)
            {
                Assert.Equal(score.Explanation, portable.Explain(score.Value));
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task CreatePartsAsync(string connectionString)
    {
        var random = new Random(4);
        await using var connection = new SqliteConnection(connectionString);
        await connection.ExecuteAsync("CREATE TABLE Parts (Id INTEGER PRIMARY KEY, Serial TEXT NULL)");
        var rows = Enumerable.Range(1, 1500).Select(id => new
        {
            Id = id,
            Serial = id == 700 ? "zz9999zz" : $"{"ABCDEF"[random.Next(6)]}{"ABCDEF"[random.Next(6)]}{random.Next(3)}{"QWOP"[random.Next(4)]}",
        });
        await connection.ExecuteAsync("INSERT INTO Parts (Id, Serial) VALUES (@Id, @Serial)", rows);
    }

    private sealed class StoredScore
    {
        public string Value { get; set; } = "";

        public double Score { get; set; }

        public bool IsOutlier { get; set; }

        public string? Explanation { get; set; }
    }
}
