using BenchmarkDotNet.Attributes;
using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Scoring;
using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Bench;

/// <summary>
/// The inner loops of a scan, one batch at a time: encoding values into tokens, the network on an encoded
/// batch, the cached scorer on distinct and on repeated values, and the default threshold over a million
/// scores. The model is trained once, in setup, on the same serials the scale benchmark scans.
/// </summary>
[MemoryDiagnoser]
public class HotLoops
{
    private const int ScanBatch = 4096;

    private CharacterModel _model = null!;
    private List<string> _distinct = null!;
    private List<string> _repeated = null!;
    private long[] _encoded = null!;
    private float[] _scores = null!;
    private float[] _millionScores = null!;
    private List<string> _scanBatch = null!;
    private CachedScorer _warmScorer = null!;
    private CachedScorer _coldScorer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sample = Enumerable.Range(1, 10_000).Select(i => ScaleData.Serial(i, long.MaxValue)).ToList();
        var options = ModelCatalog.DefaultTrainingOptions(CharacterModel.Name) with { Epochs = 2 };
        _model = (CharacterModel)ModelCatalog.Train(CharacterModel.Name, sample, options).Model;
        _distinct = [.. Enumerable.Range(1, CharacterModel.ScoringBatchSize).Select(i => ScaleData.Serial(i, long.MaxValue))];
        _repeated = [.. Enumerable.Range(1, ScanBatch).Select(i => ScaleData.Serial(i, distinct: 64))];
        _encoded = _model.EncodeBatch(_distinct, 0, _distinct.Count);
        _scores = new float[ScanBatch];
        _millionScores = _model.Score([.. Enumerable.Range(1, 1_000_000).Select(i => ScaleData.Serial(i, 100_000))]);
        _warmScorer = new CachedScorer(_model, 1 << 20);
        _warmScorer.Score(_repeated, _scores);
        _scanBatch = [.. Enumerable.Range(1, ScanBatch).Select(i => ScaleData.Serial(i, long.MaxValue))];

        // A scorer that keeps nothing scores every value with the model, as on a column of distinct values.
        _coldScorer = new CachedScorer(_model, cacheCapacity: 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Description = "encode 2,048 values")]
    public long[] Encode() => _model.EncodeBatch(_distinct, 0, _distinct.Count);

    [Benchmark(Description = "network on 2,048 encoded values")]
    public float[] Network() => _model.ScoreEncoded(_encoded, _distinct.Count);

    [Benchmark(Description = "cached scorer, 4,096 distinct values not cached")]
    public float[] ScoreDistinct()
    {
        _coldScorer.Score(_scanBatch, _scores);
        return _scores;
    }

    [Benchmark(Description = "cached scorer, 4,096 values of 64 cached")]
    public float[] ScoreRepeated()
    {
        _warmScorer.Score(_repeated, _scores);
        return _scores;
    }

    [Benchmark(Description = "auto threshold of 1,000,000 scores")]
    public double Threshold() => new AutoThreshold().Compute(_millionScores, _model.OutlierScoreFloor);
}
