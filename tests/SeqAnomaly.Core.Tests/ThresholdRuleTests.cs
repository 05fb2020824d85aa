using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Core.Tests;

public sealed class ThresholdRuleTests
{
    [Theory]
    [InlineData("quantile:0.5", 2.5)]
    [InlineData("quantile:0.9", 3.7)]
    [InlineData("value:1.25", 1.25)]
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
    [InlineData("")]
    public void Parse_InvalidRule_NamesOptionAndValue(string rule)
    {
        var error = Assert.Throws<InvalidInputException>(() => ThresholdRule.Parse(rule));

        Assert.Contains("--threshold", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{rule}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var rule = ThresholdRule.Parse("quantile:0.9998");

        Assert.Equal(rule, ThresholdRule.Parse(rule.ToString()));
    }
}
