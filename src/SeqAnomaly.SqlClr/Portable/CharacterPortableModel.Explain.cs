using System;
using System.Collections.Generic;
using System.Globalization;

namespace SeqAnomaly.SqlClr.Portable;

public sealed partial class CharacterPortableModel
{
    private const double ExplainedProbability = 0.01;
    private const int MaxExplainedPositions = 3;
    private const double LikelyMass = 0.99;
    private const double LikelyProbability = 0.005;

    /// <inheritdoc/>
    public override string Explain(string value)
    {
        CheckValue(value);
        var scalars = UnicodeScalars.Of(value);
        if (scalars.Count > Width)
        {
            return Width < _maxLength
                ? Format("length {0} where at most {1} was expected", scalars.Count, Width)
                : Format("length {0} is over the maximum of {1} characters this model reads", scalars.Count, _maxLength);
        }

        var tokens = Encode(scalars);
        var logProbabilities = Forward(tokens);
        var probabilities = new float[logProbabilities.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = (float)Math.Exp(logProbabilities[i]);
        }

        return Describe(scalars, tokens, probabilities);
    }

    private string Describe(List<int> scalars, int[] tokens, float[] probabilities)
    {
        double Actual(int position) => probabilities[(position * _vocabularySize) + tokens[position]];

        var suspicious = new List<int>();
        for (var position = 0; position < Width; position++)
        {
            if (Actual(position) < ExplainedProbability)
            {
                suspicious.Add(position);
            }
        }

        // The least likely positions first, ties in position order, then the kept ones back in position order.
        suspicious = StableSort(suspicious, (a, b) => Actual(a).CompareTo(Actual(b)));
        if (suspicious.Count > MaxExplainedPositions)
        {
            suspicious.RemoveRange(MaxExplainedPositions, suspicious.Count - MaxExplainedPositions);
        }

        suspicious.Sort();
        if (suspicious.Count == 0)
        {
            var worst = 0;
            for (var position = 1; position < Width; position++)
            {
                if (Actual(position) < Actual(worst))
                {
                    worst = position;
                }
            }

            var location = worst < scalars.Count
                ? Format("'{0}' at position {1}", UnicodeScalars.Text(scalars[worst]), worst + 1)
                : "its length";
            return Format("every character is plausible, but the value is rare: {0} has probability {1:0.####}", location, Actual(worst));
        }

        var parts = new List<string>();
        var lengthExplained = false;
        foreach (var position in suspicious)
        {
            var ended = position >= scalars.Count;
            var expectedLength = ExpectedLength(probabilities, scalars.Count);
            var tooLong = MostLikely(probabilities, position) == Padding && expectedLength > 0 && position >= expectedLength;
            if (ended || tooLong)
            {
                if (!lengthExplained)
                {
                    parts.Add(Format("length {0} where {1} was expected", scalars.Count, expectedLength));
                    lengthExplained = true;
                }

                continue;
            }

            var expected = ExpectedCharacterText.Describe(Likely(probabilities, position), _characters);
            parts.Add(Format("position {0}: '{1}' where {2} was expected", position + 1, UnicodeScalars.Text(scalars[position]), expected));
        }

        return string.Join("; ", parts);
    }

    /// <summary>Length the model predicts from the value's own context: where it first predicts the end.</summary>
    private int ExpectedLength(float[] probabilities, int length)
    {
        for (var position = 0; position < length; position++)
        {
            if (MostLikely(probabilities, position) == Padding)
            {
                return position;
            }
        }

        var expected = length;
        while (expected < Width && MostLikely(probabilities, expected) != Padding)
        {
            expected++;
        }

        return expected;
    }

    /// <summary>The likeliest token at a position; the lowest token wins a tie.</summary>
    private int MostLikely(float[] probabilities, int position)
    {
        var row = position * _vocabularySize;
        var best = 0;
        for (var token = 1; token < _vocabularySize; token++)
        {
            if (probabilities[row + token] > probabilities[row + best])
            {
                best = token;
            }
        }

        return best;
    }

    /// <summary>The likeliest tokens at a position, covering 99% of the probability, each above 0.5%.</summary>
    private List<int> Likely(float[] probabilities, int position)
    {
        var row = position * _vocabularySize;
        var order = new List<int>(_vocabularySize);
        for (var token = 0; token < _vocabularySize; token++)
        {
            order.Add(token);
        }

        order = StableSort(order, (a, b) => probabilities[row + b].CompareTo(probabilities[row + a]));
        var likely = new List<int>();
        var mass = 0.0;
        foreach (var token in order)
        {
            if (mass >= LikelyMass || probabilities[row + token] < LikelyProbability)
            {
                break;
            }

            likely.Add(token);
            mass += probabilities[row + token];
        }

        return likely;
    }

    /// <summary>Sorts keeping equal items in their original order, as LINQ's OrderBy does; List.Sort is not stable.</summary>
    private static List<int> StableSort(List<int> items, Comparison<int> compare)
    {
        var sorted = new List<int>(items);
        for (var i = 1; i < sorted.Count; i++)
        {
            var item = sorted[i];
            var j = i - 1;
            while (j >= 0 && compare(sorted[j], item) > 0)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = item;
        }

        return sorted;
    }

    private static string Format(string format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);
}
