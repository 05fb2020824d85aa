using System.Diagnostics;
using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Quality;

/// <summary>Runs every architecture on a column and measures its detections.</summary>
public sealed class QualityBenchmark(int seed, bool verbose)
{
    private static readonly ThresholdRule s_classicRule = ThresholdRule.Parse("quantile:0.9998");

    /// <summary>Measures <c>charae</c> with <c>auto</c>, <c>classic</c> with its quantile and the pattern profiler.</summary>
    public IEnumerable<Detection> Run(LabeledColumn column)
    {
        yield return RunModel(column, CharacterModel.Name, new AutoThreshold());
        yield return RunModel(column, ClassicModel.Name, s_classicRule);
        yield return RunProfiler(column);
    }

    private Detection RunModel(LabeledColumn column, string architecture, ThresholdRule rule)
    {
        try
        {
            return TrainAndMeasure(column, architecture, rule);
        }
        catch (System.Runtime.InteropServices.ExternalException error)
        {
            // A native TorchSharp failure ends this row only, so the rest of the table is still measured.
            Console.Error.WriteLine($"{column.Name} / {architecture} failed: {error.Message.Split('\n')[0]}");
            return Detection.Failed(column, architecture, rule.ToString());
        }
    }

    private Detection TrainAndMeasure(LabeledColumn column, string architecture, ThresholdRule rule)
    {
        var clock = Stopwatch.StartNew();
        var options = ModelCatalog.DefaultTrainingOptions(architecture) with { Seed = seed };
        var trained = ModelCatalog.Train(architecture, column.Values, options);
        using var model = trained.Model;
        if (verbose)
        {
            Console.Error.WriteLine(string.Join(" ", trained.History.Select(h => $"{h.TrainingLoss:0.0000}/{h.ValidationLoss:0.0000}")));
        }

        var scores = model.Score(column.Values).Select(score => (double)score).ToArray();
        var threshold = rule.Compute(scores, model.OutlierScoreFloor);
        clock.Stop();

        if (verbose)
        {
            Report(column, model, scores, threshold);
        }

        return Detection.Measure(column, architecture, rule.ToString(), scores, threshold, clock.Elapsed.TotalSeconds);
    }

    private static Detection RunProfiler(LabeledColumn column)
    {
        var clock = Stopwatch.StartNew();
        var scores = PatternProfiler.Score(column.Values);
        clock.Stop();
        var rule = FormattableString.Invariant($"share<{PatternProfiler.RareShare:0.##}");
        return Detection.Measure(column, "pattern mask", rule, scores, PatternProfiler.Threshold, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Prints false alarms and misses with the model's explanation, at most ten of each.</summary>
    private static void Report(LabeledColumn column, ISequenceModel model, double[] scores, double threshold)
    {
        var wrong = Enumerable.Range(0, scores.Length)
            .Where(i => (scores[i] > threshold) != column.IsAnomaly[i])
            .GroupBy(i => column.IsAnomaly[i])
            .SelectMany(group => group.DistinctBy(i => column.Values[i]).Take(10))
            .ToArray();
        var explanations = model.Explain([.. wrong.Select(i => column.Values[i])]);
        Console.Error.WriteLine($"# {column.Name} / {model.Architecture}: threshold {threshold:G4}");
        for (var j = 0; j < wrong.Length; j++)
        {
            var i = wrong[j];
            var kind = column.IsAnomaly[i] ? "missed" : "false alarm";
            Console.Error.WriteLine($"  {kind} '{column.Values[i]}' score {scores[i]:G4}: {explanations[j]}");
        }
    }
}
