using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SeqAnomaly.Core.Models;
using SeqAnomaly.SqlClr.Portable;

namespace SeqAnomaly.SqlClr.Tests;

/// <summary>
/// Compares the portable model's score, flag and explanation of every value with the TorchSharp model's.
/// A value whose TorchSharp score lies within the score tolerance of the threshold may get the other flag
/// from float rounding alone. Such values are counted and reported, and only their flag may differ.
/// Likewise a probability printed in an explanation may round to the other last digit. Such explanations
/// are counted and reported, and must match in every other character.
/// </summary>
internal sealed class ScoreComparison
{
    /// <summary>Largest relative difference allowed between the two scores.</summary>
    public const double RelativeTolerance = 1e-5;

    /// <summary>Largest difference allowed between two printed probabilities: one unit of their fourth decimal, with room for binary rounding.</summary>
    public const double PrintedProbabilityTolerance = 1.5e-4;

    private const int MaxListed = 10;

    private readonly List<string> _scoreMismatches = [];
    private readonly List<string> _flagMismatches = [];
    private readonly List<string> _explanationMismatches = [];

    public int Values { get; private set; }

    public int NearThreshold { get; private set; }

    public int NearThresholdFlagDifferences { get; private set; }

    public double LargestRelativeDifference { get; private set; }

    public int LastDigitDifferences { get; private set; }

    public IReadOnlyList<string> ScoreMismatches => _scoreMismatches;

    public IReadOnlyList<string> FlagMismatches => _flagMismatches;

    public IReadOnlyList<string> ExplanationMismatches => _explanationMismatches;

    /// <summary>Scores and explains <paramref name="values"/> with both models and records every difference.</summary>
    public static ScoreComparison Run(ISequenceModel torch, PortableModel portable, IReadOnlyList<string> values)
    {
        var comparison = new ScoreComparison();
        var scores = torch.Score(values);
        var explanations = torch.Explain(values);
        for (var i = 0; i < values.Count; i++)
        {
            comparison.Add(values[i], scores[i], explanations[i], portable);
        }

        return comparison;
    }

    /// <summary>Describes the counts and the first differences of each kind, for a test's output and failure messages.</summary>
    public string Describe(string column)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{column}: {Values} values, largest relative score difference {LargestRelativeDifference:G3}, " +
            $"{NearThreshold} within {RelativeTolerance:G1} of the threshold ({NearThresholdFlagDifferences} flagged differently), " +
            $"{LastDigitDifferences} explanations differing only in the last printed digit of a probability, " +
            $"{_scoreMismatches.Count} score, {_flagMismatches.Count} flag and {_explanationMismatches.Count} explanation mismatches."));
        foreach (var line in _scoreMismatches.Concat(_flagMismatches).Concat(_explanationMismatches).Take(3 * MaxListed))
        {
            text.AppendLine("  " + line);
        }

        return text.ToString();
    }

    private void Add(string value, float torchScore, string? torchExplanation, PortableModel portable)
    {
        Values++;
        var score = portable.Score(value);
        var difference = Math.Abs(score - (double)torchScore) / Math.Max(Math.Abs((double)torchScore), float.Epsilon);
        LargestRelativeDifference = Math.Max(LargestRelativeDifference, difference);
        if (difference > RelativeTolerance)
        {
            _scoreMismatches.Add(string.Create(CultureInfo.InvariantCulture, $"'{value}': score {score:R}, TorchSharp {torchScore:R}"));
        }

        var threshold = portable.Threshold;
        var near = Math.Abs(torchScore - threshold) <= RelativeTolerance * Math.Abs(threshold);
        var torchFlag = torchScore > threshold;
        var flag = portable.IsAnomalous(value);
        if (near)
        {
            NearThreshold++;
            NearThresholdFlagDifferences += flag == torchFlag ? 0 : 1;
        }
        else if (flag != torchFlag)
        {
            _flagMismatches.Add(string.Create(
                CultureInfo.InvariantCulture, $"'{value}': flag {flag}, TorchSharp {torchFlag} (score {torchScore:R}, threshold {threshold:R})"));
        }

        var explanation = portable.Explain(value);
        if (explanation != torchExplanation && DifferOnlyInLastDigit(explanation, torchExplanation))
        {
            LastDigitDifferences++;
        }
        else if (explanation != torchExplanation)
        {
            _explanationMismatches.Add($"'{value}': \"{explanation}\", TorchSharp \"{torchExplanation}\"");
        }
    }

    /// <summary>Returns whether two texts are equal but for numbers that differ by at most <see cref="PrintedProbabilityTolerance"/>.</summary>
    private static bool DifferOnlyInLastDigit(string first, string? second)
    {
        if (second is null)
        {
            return false;
        }

        var number = new Regex(@"\d+\.\d+");
        if (number.Replace(first, "#") != number.Replace(second, "#"))
        {
            return false;
        }

        var firstNumbers = number.Matches(first);
        var secondNumbers = number.Matches(second);
        for (var i = 0; i < firstNumbers.Count; i++)
        {
            var difference = Math.Abs(
                double.Parse(firstNumbers[i].Value, CultureInfo.InvariantCulture) - double.Parse(secondNumbers[i].Value, CultureInfo.InvariantCulture));
            if (difference > PrintedProbabilityTolerance)
            {
                return false;
            }
        }

        return true;
    }
}
