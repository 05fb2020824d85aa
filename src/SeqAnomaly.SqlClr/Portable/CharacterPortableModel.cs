using System;
using System.Collections.Generic;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>
/// The <c>charae</c> leave-one-out character autoencoder in plain managed code. For each position it adds
/// the other positions' pair vectors, its own hidden position vector and its neighbours' embeddings
/// through one matrix per offset, then applies relu, a linear layer, relu and the output layer. The
/// score is the largest negative log-likelihood of any position's actual token, capped at the maximum
/// score. Every step rounds to float32 where TorchSharp stores a float32 tensor.
/// </summary>
public sealed partial class CharacterPortableModel : PortableModel
{
    /// <summary>Architecture name, as stored in the portable model.</summary>
    public const string Name = "charae";

    private const int Padding = 0;
    private const int Unknown = 1;

    private readonly int _maxLength;
    private readonly int[] _characters;
    private readonly Dictionary<int, int> _tokens;
    private readonly float _maxScore;
    private readonly int _reach;
    private readonly int _vocabularySize;
    private readonly int _hiddenSize;
    private readonly int _embeddingSize;
    private readonly float[] _pairs;
    private readonly float[] _knownPairs;
    private readonly float[] _embeddings;
    private readonly float[][] _neighbours;
    private readonly float[] _hiddenPosition;
    private readonly float[] _decodeWeight;
    private readonly float[] _decodeBias;
    private readonly float[] _outputWeight;
    private readonly float[] _outputBias;

    private CharacterPortableModel(int width, double threshold, int maxLength, int[] characters, float maxScore, int reach, PortableTensor[] tensors)
        : base(Name, width, threshold)
    {
        _maxLength = maxLength;
        _characters = characters;
        _tokens = new Dictionary<int, int>(characters.Length);
        for (var i = 0; i < characters.Length; i++)
        {
            _tokens[characters[i]] = i + 2;
        }

        _maxScore = maxScore;
        _reach = reach;
        _vocabularySize = characters.Length + 2;
        _pairs = tensors[0].Values;
        _hiddenSize = tensors[0].Shape[1];
        _knownPairs = tensors[1].Values;
        _embeddings = tensors[2].Values;
        _embeddingSize = tensors[2].Shape[1];
        _neighbours = new float[2 * reach][];
        for (var i = 0; i < _neighbours.Length; i++)
        {
            _neighbours[i] = tensors[3 + i].Values;
        }

        _hiddenPosition = tensors[3 + (2 * reach)].Values;
        _decodeWeight = tensors[4 + (2 * reach)].Values;
        _decodeBias = tensors[5 + (2 * reach)].Values;
        _outputWeight = tensors[6 + (2 * reach)].Values;
        _outputBias = tensors[7 + (2 * reach)].Values;
    }

    /// <inheritdoc/>
    public override float Score(string value)
    {
        CheckValue(value);
        var scalars = UnicodeScalars.Of(value);
        if (scalars.Count > Width)
        {
            return _maxScore;
        }

        var tokens = Encode(scalars);
        var logProbabilities = Forward(tokens);
        var worst = float.NegativeInfinity;
        for (var position = 0; position < Width; position++)
        {
            worst = Math.Max(worst, -logProbabilities[(position * _vocabularySize) + tokens[position]]);
        }

        return Math.Min(worst, _maxScore);
    }

    /// <summary>Reads the <c>charae</c> section that follows the common fields.</summary>
    internal static CharacterPortableModel Read(PortableModelReader reader, int width, double threshold)
    {
        var maxLength = reader.ReadCount("maximum length");
        var characters = reader.ReadInt32Array("characters");
        var maxScore = (float)reader.ReadDouble();
        var reach = reader.ReadCount("reach");
        var hiddenSize = reader.ReadCount("hidden size");
        var embeddingSize = reader.ReadCount("embedding size");
        var vocabularySize = characters.Length + 2;
        var tensors = new List<PortableTensor>
        {
            reader.ReadTensor("pairs", width * vocabularySize, hiddenSize),
            reader.ReadTensor("knownPairs", width * vocabularySize),
            reader.ReadTensor("tokens", vocabularySize, embeddingSize),
        };
        for (var i = 0; i < 2 * reach; i++)
        {
            tensors.Add(reader.ReadTensor("neighbours." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), hiddenSize, embeddingSize));
        }

        tensors.Add(reader.ReadTensor("hiddenPosition", width, hiddenSize));
        tensors.Add(reader.ReadTensor("decode.weight", hiddenSize, hiddenSize));
        tensors.Add(reader.ReadTensor("decode.bias", hiddenSize));
        tensors.Add(reader.ReadTensor("output.weight", vocabularySize, hiddenSize));
        tensors.Add(reader.ReadTensor("output.bias", vocabularySize));
        return new CharacterPortableModel(width, threshold, maxLength, characters, maxScore, reach, tensors.ToArray());
    }

    /// <summary>Returns the tokens of in-width scalars, padded with <see cref="Padding"/> to the width.</summary>
    private int[] Encode(List<int> scalars)
    {
        var tokens = new int[Width];
        for (var i = 0; i < scalars.Count; i++)
        {
            tokens[i] = _tokens.TryGetValue(scalars[i], out var token) ? token : Unknown;
        }

        return tokens;
    }

    /// <summary>Returns the log-probabilities, [width, vocabulary] in row-major order, of every token at every position.</summary>
    private float[] Forward(int[] tokens)
    {
        var keep = new float[Width];
        var pairRows = new int[Width];
        for (var position = 0; position < Width; position++)
        {
            pairRows[position] = (position * _vocabularySize) + tokens[position];
            keep[position] = _knownPairs[pairRows[position]];
        }

        // The pair context: the sum over all positions minus the position's own vector, as TorchSharp computes it.
        var sum = new float[_hiddenSize];
        for (var position = 0; position < Width; position++)
        {
            for (var h = 0; h < _hiddenSize; h++)
            {
                sum[h] = (float)(sum[h] + (_pairs[(pairRows[position] * _hiddenSize) + h] * keep[position]));
            }
        }

        var neighbours = Neighbours(tokens, keep);
        var context = new float[_hiddenSize];
        var hidden = new float[_hiddenSize];
        var logProbabilities = new float[Width * _vocabularySize];
        var logits = new float[_vocabularySize];
        for (var position = 0; position < Width; position++)
        {
            for (var h = 0; h < _hiddenSize; h++)
            {
                var own = _pairs[(pairRows[position] * _hiddenSize) + h] * keep[position];
                var others = (float)(sum[h] - own);
                var withPosition = (float)(others + _hiddenPosition[(position * _hiddenSize) + h]);
                context[h] = Relu((float)(withPosition + neighbours[(position * _hiddenSize) + h]));
            }

            Linear(_decodeWeight, _decodeBias, context, hidden);
            for (var h = 0; h < _hiddenSize; h++)
            {
                hidden[h] = Relu(hidden[h]);
            }

            Linear(_outputWeight, _outputBias, hidden, logits);
            LogSoftmax(logits, logProbabilities, position * _vocabularySize);
        }

        return logProbabilities;
    }

    /// <summary>
    /// Sums, for each position, the neighbours' embeddings through one matrix per offset, from -reach to +reach
    /// without 0, in that order; a neighbour outside the value contributes zero.
    /// </summary>
    private float[] Neighbours(int[] tokens, float[] keep)
    {
        var embedded = new float[Width * _embeddingSize];
        for (var position = 0; position < Width; position++)
        {
            for (var e = 0; e < _embeddingSize; e++)
            {
                embedded[(position * _embeddingSize) + e] = _embeddings[(tokens[position] * _embeddingSize) + e] * keep[position];
            }
        }

        var sum = new float[Width * _hiddenSize];
        var index = 0;
        for (var offset = -_reach; offset <= _reach; offset++)
        {
            if (offset == 0)
            {
                continue;
            }

            var matrix = _neighbours[index++];
            for (var position = 0; position < Width; position++)
            {
                var neighbour = position + offset;
                for (var h = 0; h < _hiddenSize; h++)
                {
                    var term = 0.0;
                    if (neighbour >= 0 && neighbour < Width)
                    {
                        for (var e = 0; e < _embeddingSize; e++)
                        {
                            term += (double)matrix[(h * _embeddingSize) + e] * embedded[(neighbour * _embeddingSize) + e];
                        }
                    }

                    sum[(position * _hiddenSize) + h] = (float)(sum[(position * _hiddenSize) + h] + Single(term));
                }
            }
        }

        return sum;
    }

    private static float Relu(float value) => value > 0 ? value : 0;

    /// <summary>Computes weight · input + bias for a weight of shape [outputs, inputs], accumulating in double.</summary>
    private static void Linear(float[] weight, float[] bias, float[] input, float[] output)
    {
        var inputs = input.Length;
        for (var o = 0; o < output.Length; o++)
        {
            var total = 0.0;
            var row = o * inputs;
            for (var i = 0; i < inputs; i++)
            {
                total += (double)weight[row + i] * input[i];
            }

            output[o] = Single(total + bias[o]);
        }
    }

    private static void LogSoftmax(float[] logits, float[] output, int offset)
    {
        var max = double.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        var total = 0.0;
        foreach (var logit in logits)
        {
            total += Math.Exp(logit - max);
        }

        var logTotal = Math.Log(total);
        for (var v = 0; v < logits.Length; v++)
        {
            output[offset + v] = Single(logits[v] - max - logTotal);
        }
    }
}
