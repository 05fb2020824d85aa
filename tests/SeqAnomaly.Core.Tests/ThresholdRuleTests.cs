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
        float[] scores = [4, 1, 3, 2];

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
        float[] scores = [4, 1, 3];

        var threshold = ThresholdRule.Parse("top:3").Compute(scores);

        Assert.All(scores, score => Assert.True(score > threshold));
        Assert.True(double.IsFinite(threshold), $"threshold {threshold} cannot be stored in a SQL Server float");
    }

    [Fact]
    public void Compute_AutoOnNarrowScores_UsesModelFloor()
    {
        float[] scores = [2.0f, 2.1f, 2.05f, 2.02f, 2.08f];

        var threshold = new AutoThreshold().Compute(scores, scoreFloor: 6.9);

        Assert.Equal(6.9, threshold);
    }

    [Fact]
    public void Compute_AutoOnWideScores_FlagsFarTailAboveFloor()
    {
        float[] scores = [.. Enumerable.Range(0, 100).Select(i => 10f + (i % 10)), 100];

        var threshold = new AutoThreshold().Compute(scores, scoreFloor: 6.9);

        Assert.True(threshold > 19, $"threshold {threshold} flags normal scores");
        Assert.True(threshold < 100, $"threshold {threshold} misses the outlier");
    }

    [Fact]
    public void Compute_AutoRepeatedScores_CountsEachScoreOnce()
    {
        float[] repeated = [.. Enumerable.Repeat(1f, 1000), 2, 3, 4, 5, 6];
        float[] distinct = [1, 2, 3, 4, 5, 6];

        var fromRepeated = new AutoThreshold().Compute(repeated);
        var fromDistinct = new AutoThreshold().Compute(distinct);

        Assert.Equal(fromDistinct, fromRepeated);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 8)]
    [InlineData(3, 1001)]
    [InlineData(4, 1000)]
    public void Compute_MadAndAuto_MatchSortingTheDeviations(int seed, int count)
    {
        // Few distinct values, so that ties at and around the median occur.
        var random = new Random(seed);
        float[] scores = [.. Enumerable.Range(0, count).Select(_ => random.Next(40) / 4f)];

        var mad = ThresholdRule.Parse("mad:1").Compute(scores);
        var auto = new AutoThreshold().Compute(scores);

        double[] distinct = [.. scores.Distinct().Select(score => (double)score)];
        Assert.Equal(ReferenceMedian(scores.Select(score => (double)score)) + ReferenceDeviation(scores.Select(score => (double)score)), mad);
        var expectedAuto = ReferenceMedian(distinct)
            + (AutoThreshold.Deviations * 1.4826 * ReferenceDeviation(distinct));
        Assert.Equal(expectedAuto, auto);
    }

    private static double ReferenceMedian(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double ReferenceDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        var median = ReferenceMedian(list);
        return ReferenceMedian(list.Select(value => Math.Abs(value - median)));
    }
}
