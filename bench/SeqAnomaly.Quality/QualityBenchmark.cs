using System.Diagnostics;
using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Encoding;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Sampling;
using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Quality;

/// <summary>
/// Runs every architecture on a column and measures its detections. With a <paramref name="sampleSize"/>,
/// each model trains on a uniform sample of that many values, drawn as a scan draws it, and scores them all.
/// With <paramref name="characterEpochs"/>, <c>charae</c> trains for that many epochs instead of its default.
/// </summary>
public sealed class QualityBenchmark(int seed, bool verbose, int? sampleSize = null, int? characterEpochs = null)
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
        if (architecture == CharacterModel.Name && characterEpochs is not null)
        {
            options = options with { Epochs = characterEpochs.Value };
        }

        // As in a scan, the model's width comes from the longest value of the whole column, not of the sample.
        var longest = column.Values.Max(CharIndexEncoding.Length);
        var trained = ModelCatalog.Train(architecture, TrainingValues(column), options, longestValue: longest);
        using var model = trained.Model;
        if (verbose)
        {
            Console.Error.WriteLine(string.Join(" ", trained.History.Select(h => $"{h.TrainingLoss:0.0000}/{h.ValidationLoss:0.0000}")));
        }

        var singles = model.Score(column.Values);
        var threshold = rule.Compute(singles, model.OutlierScoreFloor);
        var scores = singles.Select(score => (double)score).ToArray();
        clock.Stop();

        if (verbose)
        {
            Report(column, model, scores, threshold);
        }

        return Detection.Measure(column, architecture, rule.ToString(), scores, threshold, clock.Elapsed.TotalSeconds);
    }

    private IReadOnlyList<string> TrainingValues(LabeledColumn column)
    {
        if (sampleSize is null)
        {
            return column.Values;
        }

        var sample = new ReservoirSample<string>(sampleSize.Value, seed);
        foreach (var value in column.Values)
        {
            sample.Add(value);
        }

        return sample.Items;
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
