using System.Globalization;
using SeqAnomaly.Core.Models;

namespace SeqAnomaly.Cli.Report;

/// <summary>
/// Per-position scores found by repair, for any model that scores values: a position's score is how far the
/// value's score falls when the character there is replaced by, or removed for, the candidate that lowers it
/// most. Candidates are the characters that typical values of the column have at the same position.
/// </summary>
internal sealed class PositionRepair
{
    /// <summary>Most candidate characters tried at one position.</summary>
    private const int MaxCandidates = 12;

    /// <summary>Share of the score a position's repair must remove to be named in an explanation.</summary>
    private const double NamedShare = 0.25;

    /// <summary>Most positions named in one explanation.</summary>
    private const int MaxNamedPositions = 3;

    private readonly IReadOnlyList<string>[] _candidates;

    /// <summary>Collects candidate characters per position from <paramref name="typicalValues"/>, most frequent first.</summary>
    public PositionRepair(IEnumerable<string> typicalValues)
    {
        var counts = new List<Dictionary<string, int>>();
        foreach (var value in typicalValues)
        {
            var characters = ReportText.Characters(value);
            for (var position = 0; position < characters.Count; position++)
            {
                if (counts.Count <= position)
                {
                    counts.Add([]);
                }

                counts[position][characters[position]] = counts[position].GetValueOrDefault(characters[position]) + 1;
            }
        }

        _candidates = counts
            .Select(count => (IReadOnlyList<string>)count
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(MaxCandidates)
                .Select(pair => pair.Key)
                .ToList())
            .ToArray();
    }

    /// <summary>Scores every position of every value with <paramref name="model"/>, in one batch.</summary>
    public IReadOnlyList<RepairedValue> Explain(ISequenceModel model, IReadOnlyList<string> values)
    {
        var variants = new List<string>();
        var plans = new List<List<(int Position, string? Replacement)>>();
        foreach (var value in values)
        {
            variants.Add(value);
            var characters = ReportText.Characters(value);
            var plan = new List<(int Position, string? Replacement)>();
            for (var position = 0; position < characters.Count; position++)
            {
                plan.Add((position, null));
                variants.Add(string.Concat(characters.Where((_, i) => i != position)));
                foreach (var candidate in CandidatesAt(position).Where(candidate => candidate != characters[position]))
                {
                    plan.Add((position, candidate));
                    variants.Add(string.Concat(characters.Select((character, i) => i == position ? candidate : character)));
                }
            }

            plans.Add(plan);
        }

        var scores = model.Score(variants);
        var results = new List<RepairedValue>(values.Count);
        var offset = 0;
        for (var i = 0; i < values.Count; i++)
        {
            results.Add(Summarize(values[i], scores[offset], plans[i], scores.AsSpan(offset + 1, plans[i].Count)));
            offset += 1 + plans[i].Count;
        }

        return results;
    }

    private IReadOnlyList<string> CandidatesAt(int position) =>
        position < _candidates.Length ? _candidates[position] : [];

    private static RepairedValue Summarize(
        string value, double score, List<(int Position, string? Replacement)> plan, ReadOnlySpan<float> repairedScores)
    {
        var characters = ReportText.Characters(value);
        var best = new (double Score, string? Replacement)[characters.Count];
        Array.Fill(best, (double.PositiveInfinity, null));
        for (var i = 0; i < plan.Count; i++)
        {
            var (position, replacement) = plan[i];
            if (repairedScores[i] < best[position].Score)
            {
                best[position] = (repairedScores[i], replacement);
            }
        }

        var positionScores = best.Select(repair => Math.Max(0, score - repair.Score)).ToArray();
        var named = Enumerable.Range(0, characters.Count)
            .Where(position => score > 0 && positionScores[position] >= NamedShare * score)
            .OrderByDescending(position => positionScores[position])
            .Take(MaxNamedPositions)
            .Order()
            .Select(position => Describe(position, characters[position], best[position], score))
            .ToList();
        var explanation = named.Count > 0
            ? string.Join("; ", named)
            : "no single character explains the score; the value as a whole is unusual";
        return new RepairedValue(value, score, positionScores, explanation);
    }

    private static string Describe(int position, string character, (double Score, string? Replacement) repair, double score)
    {
        var change = repair.Replacement is null
            ? "removing it"
            : $"'{ReportText.Visible(repair.Replacement)}' in its place";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"position {position + 1}: '{ReportText.Visible(character)}' ({change} lowers the score from {score:G3} to {repair.Score:G3})");
    }
}
