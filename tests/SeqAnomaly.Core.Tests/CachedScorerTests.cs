using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Scoring;

namespace SeqAnomaly.Core.Tests;

public sealed class CachedScorerTests
{
    [Fact]
    public void Score_RepeatedValues_ScoredOnce()
    {
        var model = new LengthModel();
        var scorer = new CachedScorer(model, cacheCapacity: 1_000);
        var values = Enumerable.Range(0, 5_000).Select(i => new string('x', 1 + (i % 50))).ToList();

        var scores = ScoreInBatches(scorer, values, batchSize: 512);

        Assert.Equal(50, model.Scored);
        Assert.Equal(50, scorer.Cached);
        Assert.Equal(values.Select(v => (float)v.Length), scores);
    }

    [Fact]
    public void Score_DistinctPastTrial_CacheStopsGrowing()
    {
        var model = new LengthModel();
        var scorer = new CachedScorer(model, cacheCapacity: 1 << 20);
        var values = Enumerable.Range(0, 3 * CachedScorer.TrialSize).Select(i => i.ToString("D7")).ToList();

        var scores = ScoreInBatches(scorer, values, batchSize: 4_096);

        Assert.Equal(CachedScorer.TrialSize, scorer.Cached);
        Assert.Equal(values.Count, model.Scored);
        Assert.All(scores, score => Assert.Equal(7f, score));
    }

    [Fact]
    public void Score_PastCapacity_KeepsCapacity()
    {
        var model = new LengthModel();
        var scorer = new CachedScorer(model, cacheCapacity: 100);
        var values = Enumerable.Range(0, 300).Select(i => new string('y', 1 + i)).ToList();

        ScoreInBatches(scorer, [.. values, .. values], batchSize: 64);

        Assert.Equal(100, scorer.Cached);
        Assert.Equal(600 - 100, model.Scored);
    }

    private static float[] ScoreInBatches(CachedScorer scorer, List<string> values, int batchSize)
    {
        var scores = new float[values.Count];
        for (var start = 0; start < values.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, values.Count - start);
            scorer.Score(values.GetRange(start, count), scores.AsSpan(start, count));
        }

        return scores;
    }

    /// <summary>Scores a value by its length and counts the values it scores.</summary>
    private sealed class LengthModel : ISequenceModel
    {
        public long Scored { get; private set; }

        public string Architecture => "length";

        public double OutlierScoreFloor => 0;

        public float[] Score(IReadOnlyList<string> values)
        {
            Scored += values.Count;
            return [.. values.Select(value => (float)value.Length)];
        }

        public string?[] Explain(IReadOnlyList<string> values) => new string?[values.Count];

        public byte[] ExportPortable(double threshold) => throw new NotSupportedException();

        public ModelArtifact Export() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
