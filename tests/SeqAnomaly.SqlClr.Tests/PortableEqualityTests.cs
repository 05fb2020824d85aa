using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;
using SeqAnomaly.SqlClr.Portable;
using Xunit.Abstractions;

namespace SeqAnomaly.SqlClr.Tests;

/// <summary>
/// Trains a model on each benchmark column, exports it in the portable format, and checks that the SQL CLR
/// code scores, flags and explains every value as TorchSharp does. Few epochs suffice: the tests compare the
/// two implementations, not the model's quality.
/// </summary>
public sealed class PortableEqualityTests(ITestOutputHelper output)
{
    private const int Seed = 5;

    [Theory]
    [MemberData(nameof(BenchmarkColumns.Names), MemberType = typeof(BenchmarkColumns))]
    public void Charae_BenchmarkColumn_MatchesTorchSharp(string column)
    {
        var values = BenchmarkColumns.Values(column);
        var options = CharacterModel.DefaultTrainingOptions with { Epochs = 2, Seed = Seed };

        var comparison = TrainAndCompare(CharacterModel.Name, values, options, "auto");

        AssertSame(column, comparison);
    }

    [Theory]
    [InlineData("demo serials, seed 11")]
    [InlineData("mixed formats")]
    public void Classic_BenchmarkColumn_MatchesTorchSharp(string column)
    {
        var values = BenchmarkColumns.Values(column);
        var options = new TrainingOptions() with { Epochs = 3, Seed = Seed };

        var comparison = TrainAndCompare(ClassicModel.Name, values, options, ClassicModel.DefaultThreshold);

        AssertSame(column, comparison);
    }

    [Fact]
    public void Charae_UnusualCharacters_MatchesTorchSharp()
    {
        var values = BenchmarkColumns.Values("user names");
        string[] probes =
        [
            "", "ä", "jsmith\U0001F600", "\U0001F600\U0001F600", "j\uD800smith", "jsmith\uDC00", "JSMITH",
            "ＪＳＭＩＴＨ", "jsmith١", "a" + new string('b', 80),
        ];
        var options = CharacterModel.DefaultTrainingOptions with { Epochs = 2, Seed = Seed };

        var comparison = TrainAndCompare(CharacterModel.Name, [.. values, .. probes], options, "auto", probes);

        AssertSame("user names with unusual probes", comparison);
    }

    private static ScoreComparison TrainAndCompare(
        string architecture, IReadOnlyList<string> values, TrainingOptions options, string rule, IReadOnlyList<string>? probes = null)
    {
        var longest = values.Max(value => value.EnumerateRunes().Count());
        var trained = ModelCatalog.Train(architecture, values, options, longestValue: longest);
        using var model = trained.Model;
        var scores = model.Score(values);
        var threshold = ThresholdRule.Parse(rule).Compute(scores, model.OutlierScoreFloor);

        var portable = PortableModel.Load(model.ExportPortable(threshold));

        Assert.Equal(architecture, portable.Architecture);
        Assert.Equal(threshold, portable.Threshold);
        return ScoreComparison.Run(model, portable, probes ?? values);
    }

    private void AssertSame(string column, ScoreComparison comparison)
    {
        output.WriteLine(comparison.Describe(column));
        Assert.True(comparison.Values > 0, $"{column} has no values.");
        Assert.True(comparison.ScoreMismatches.Count == 0, comparison.Describe(column));
        Assert.True(comparison.FlagMismatches.Count == 0, comparison.Describe(column));
        Assert.True(comparison.ExplanationMismatches.Count == 0, comparison.Describe(column));
    }
}
