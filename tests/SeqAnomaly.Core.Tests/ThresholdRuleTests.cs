using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Core.Tests;

public sealed class ThresholdRuleTests
{
    [Theory]
    [InlineData("quantile:0.5", 2.5)]
    [InlineData("quantile:0.9", 3.7)]
    [InlineData("value:1.25", 1.25)]
    [InlineData("top:1", 3)]
    [InlineData("top:3", 1)]
    [InlineData("mad:2", 4.5)]
    public void Compute_ParsedRule_MatchesExpectedThreshold(string rule, double expected)
    {
        double[] scores = [4, 1, 3, 2];

        var threshold = ThresholdRule.Parse(rule).Compute(scores);

        Assert.Equal(expected, threshold, 1e-12);
    }

    [Theory]
    [InlineData("quantile:1")]
    [InlineData("quantile:0")]
    [InlineData("quantile:abc")]
    [InlineData("value:NaN")]
    [InlineData("top")]
    [InlineData("top:0")]
    [InlineData("top:1.5")]
    [InlineData("top:-2")]
    [InlineData("mad:0")]
    [InlineData("mad:-1")]
    [InlineData("auto:3")]
    [InlineData("Auto")]
    [InlineData("")]
    public void Parse_InvalidRule_NamesOptionAndValue(string rule)
    {
        var error = Assert.Throws<InvalidInputException>(() => ThresholdRule.Parse(rule));

        Assert.Contains("--threshold", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{rule}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quantile:0.9998")]
    [InlineData("value:1.25")]
    [InlineData("auto")]
    [InlineData("top:5")]
    [InlineData("mad:3.5")]
    public void ToString_RoundTripsThroughParse(string text)
    {
        var rule = ThresholdRule.Parse(text);

        Assert.Equal(text, rule.ToString());
        Assert.Equal(rule, ThresholdRule.Parse(rule.ToString()));
    }

    [Fact]
    public void Compute_TopMoreThanScores_FlagsEveryRow()
    {
        double[] scores = [4, 1, 3];

        var threshold = ThresholdRule.Parse("top:3").Compute(scores);

        Assert.All(scores, score => Assert.True(score > threshold));
    }

    [Fact]
    public void Compute_AutoOnNarrowScores_UsesModelFloor()
    {
        double[] scores = [2.0, 2.1, 2.05, 2.02, 2.08];

        var threshold = new AutoThreshold().Compute(scores, scoreFloor: 6.9);

        Assert.Equal(6.9, threshold);
    }

    [Fact]
    public void Compute_AutoOnWideScores_FlagsFarTailAboveFloor()
    {
        double[] scores = [.. Enumerable.Range(0, 100).Select(i => 10.0 + (i % 10)), 100];

        var threshold = new AutoThreshold().Compute(scores, scoreFloor: 6.9);

        Assert.True(threshold > 19, $"threshold {threshold} flags normal scores");
        Assert.True(threshold < 100, $"threshold {threshold} misses the outlier");
    }

    [Fact]
    public void Compute_AutoRepeatedScores_CountsEachScoreOnce()
    {
        double[] repeated = [.. Enumerable.Repeat(1.0, 1000), 2, 3, 4, 5, 6];
        double[] distinct = [1, 2, 3, 4, 5, 6];

        var fromRepeated = new AutoThreshold().Compute(repeated);
        var fromDistinct = new AutoThreshold().Compute(distinct);

        Assert.Equal(fromDistinct, fromRepeated);
    }
}
