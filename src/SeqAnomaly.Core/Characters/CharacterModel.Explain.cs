using System.Globalization;
using SeqAnomaly.Core.Models;

namespace SeqAnomaly.Core.Characters;

public sealed partial class CharacterModel
{
    /// <summary>Probability below which a character is named in an explanation.</summary>
    private const double ExplainedProbability = 0.01;

    /// <summary>Most positions named in one explanation.</summary>
    private const int MaxExplainedPositions = 3;

    /// <inheritdoc/>
    public string?[] Explain(IReadOnlyList<string> values) => TorchGate.Run(() => ExplainUnderGate(values));

    private string?[] ExplainUnderGate(IReadOnlyList<string> values)
    {
        var explanations = new string?[values.Count];
        var inWidth = new List<string>();
        var inWidthIndices = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            var length = CharacterVocabulary.Length(values[i]);
            if (length <= Width)
            {
                inWidth.Add(values[i]);
                inWidthIndices.Add(i);
            }
            else
            {
                explanations[i] = Width < _shape.MaxLength
                    ? $"length {length} where at most {Width} was expected"
                    : $"length {length} is over the maximum of {_shape.MaxLength} characters this model reads";
            }
        }

        ForEachBatch(inWidth, (start, tokens, logProbabilities) =>
        {
            var vocabularySize = (int)logProbabilities.shape[2];
            var probabilities = logProbabilities.exp().data<float>().ToArray();
            var rows = tokens.data<long>().ToArray();
            for (var row = 0; row < tokens.shape[0]; row++)
            {
                var table = new PositionTable(
                    rows.AsSpan(row * Width, Width).ToArray(),
                    probabilities.AsMemory(row * Width * vocabularySize, Width * vocabularySize),
                    vocabularySize);
                explanations[inWidthIndices[start + row]] = Describe(inWidth[start + row], table);
            }
        });

        return explanations;
    }

    private string Describe(string value, PositionTable table)
    {
        var characters = value.EnumerateRunes().Select(rune => rune.ToString()).ToArray();
        var suspicious = Enumerable.Range(0, Width)
            .Where(position => table.Actual(position) < ExplainedProbability)
            .OrderBy(position => table.Actual(position))
            .Take(MaxExplainedPositions)
            .Order()
            .ToList();
        if (suspicious.Count == 0)
        {
            var worst = Enumerable.Range(0, Width).MinBy(table.Actual);
            var location = worst < characters.Length ? $"'{characters[worst]}' at position {worst + 1}" : "its length";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"every character is plausible, but the value is rare: {location} has probability {table.Actual(worst):0.####}");
        }

        var parts = new List<string>();
        var lengthExplained = false;
        foreach (var position in suspicious)
        {
            var ended = position >= characters.Length;
            var expectedLength = ExpectedLength(table, characters.Length);
            var tooLong = table.MostLikely(position) == CharacterVocabulary.Padding
                && expectedLength > 0 && position >= expectedLength;
            if (ended || tooLong)
            {
                if (!lengthExplained)
                {
                    parts.Add($"length {characters.Length} where {expectedLength} was expected");
                    lengthExplained = true;
                }

                continue;
            }

            var expected = ExpectedCharacters.Describe(table.Likely(position), _vocabulary);
            parts.Add($"position {position + 1}: '{characters[position]}' where {expected} was expected");
        }

        return string.Join("; ", parts);
    }

    /// <summary>Length the model predicts from the value's own context: where it first predicts the end.</summary>
    private int ExpectedLength(PositionTable table, int length)
    {
        for (var position = 0; position < length; position++)
        {
            if (table.MostLikely(position) == CharacterVocabulary.Padding)
            {
                return position;
            }
        }

        var expected = length;
        while (expected < Width && table.MostLikely(expected) != CharacterVocabulary.Padding)
        {
            expected++;
        }

        return expected;
    }

    /// <summary>Probabilities of every token at every position of one value, with each position hidden in turn.</summary>
    private sealed class PositionTable(long[] tokens, ReadOnlyMemory<float> probabilities, int vocabularySize)
    {
        private const double LikelyMass = 0.99;
        private const double LikelyProbability = 0.005;

        public double Actual(int position) => At(position)[(int)tokens[position]];

        public int MostLikely(int position)
        {
            var row = At(position);
            var best = 0;
            for (var token = 1; token < row.Length; token++)
            {
                if (row[token] > row[best])
                {
                    best = token;
                }
            }

            return best;
        }

        /// <summary>The likeliest tokens at a position, covering 99% of the probability, each above 0.5%.</summary>
        public IReadOnlyList<int> Likely(int position)
        {
            var row = At(position).ToArray();
            var likely = new List<int>();
            var mass = 0.0;
            foreach (var token in Enumerable.Range(0, row.Length).OrderByDescending(token => row[token]))
            {
                if (mass >= LikelyMass || row[token] < LikelyProbability)
                {
                    break;
                }

                likely.Add(token);
                mass += row[token];
            }

            return likely;
        }

        private ReadOnlySpan<float> At(int position) =>
            probabilities.Span.Slice(position * vocabularySize, vocabularySize);
    }
}
