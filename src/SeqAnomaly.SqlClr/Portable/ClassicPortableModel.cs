using System;
using System.Collections.Generic;
using System.Globalization;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>
/// The <c>classic</c> dense autoencoder in plain managed code: character-index codes, zero padding to the
/// width, per-position min-max scaling, then dense layers with their stored activations. The score is
/// the mean squared error between the scaled codes and their reconstruction.
/// </summary>
public sealed class ClassicPortableModel : PortableModel
{
    /// <summary>Architecture name, as stored in the portable model.</summary>
    public const string Name = "classic";

    private readonly Dictionary<int, int> _codes;
    private readonly int _unknownCode;
    private readonly float[] _minimum;
    private readonly float[] _maximum;
    private readonly DenseLayer[] _layers;

    private ClassicPortableModel(
        int width, double threshold, Dictionary<int, int> codes, int unknownCode, float[] minimum, float[] maximum, DenseLayer[] layers)
        : base(Name, width, threshold)
    {
        _codes = codes;
        _unknownCode = unknownCode;
        _minimum = minimum;
        _maximum = maximum;
        _layers = layers;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The value has more characters than the model's width, which the worker rejects too.</exception>
    public override float Score(string value)
    {
        CheckValue(value);
        var input = Scale(value, UnicodeScalars.Of(value));
        var reconstruction = Reconstruct(input);
        var total = 0.0;
        for (var i = 0; i < Width; i++)
        {
            var difference = (float)(reconstruction[i] - input[i]);
            total += (float)(difference * difference);
        }

        return Single(total / Width);
    }

    /// <inheritdoc/>
    public override string Explain(string value)
    {
        CheckValue(value);
        var scalars = UnicodeScalars.Of(value);
        if (scalars.Count > Width)
        {
            return string.Format(CultureInfo.InvariantCulture, "length {0} where at most {1} was expected", scalars.Count, Width);
        }

        var input = Scale(value, scalars);
        var reconstruction = Reconstruct(input);
        var worst = 0;
        var largest = float.NegativeInfinity;
        for (var i = 0; i < Width; i++)
        {
            var error = Math.Abs((float)(reconstruction[i] - input[i]));
            if (error > largest)
            {
                largest = error;
                worst = i;
            }
        }

        return worst < scalars.Count
            ? string.Format(
                CultureInfo.InvariantCulture,
                "position {0}: '{1}' is the character reconstructed worst",
                worst + 1,
                UnicodeScalars.Text(scalars[worst]))
            : string.Format(
                CultureInfo.InvariantCulture,
                "length {0}: the padding at position {1} is reconstructed worst",
                scalars.Count,
                worst + 1);
    }

    /// <summary>Reads the <c>classic</c> section that follows the common fields.</summary>
    internal static ClassicPortableModel Read(PortableModelReader reader, int width, double threshold)
    {
        var index = reader.ReadString();
        var unknownCode = reader.ReadCount("unknown code");
        var codes = new Dictionary<int, int>();
        foreach (var scalar in UnicodeScalars.Of(index))
        {
            codes[scalar] = codes.Count;
        }

        var minimum = reader.ReadTensor("scaler.minimum", width).Values;
        var maximum = reader.ReadTensor("scaler.maximum", width).Values;
        var count = reader.ReadCount("layer count");
        var layers = new DenseLayer[count];
        var inputs = width;
        for (var i = 0; i < count; i++)
        {
            layers[i] = DenseLayer.Read(reader, i, inputs);
            inputs = layers[i].Outputs;
        }

        if (inputs != width)
        {
            throw new PortableModelException(PortableModelReader.Invariant(
                $"The classic model's last layer has {inputs} outputs, but its width is {width}."));
        }

        return new ClassicPortableModel(width, threshold, codes, unknownCode, minimum, maximum, layers);
    }

    /// <summary>Encodes and scales a value as the classic recipe does: (code - minimum) / range, range 1 where it is 0.</summary>
    private float[] Scale(string value, List<int> scalars)
    {
        if (scalars.Count > Width)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Value '{0}' has more than {1} characters, the model's width.", value, Width),
                nameof(value));
        }

        var row = new float[Width];
        for (var i = 0; i < scalars.Count; i++)
        {
            row[i] = _codes.TryGetValue(scalars[i], out var code) ? code : _unknownCode;
        }

        for (var i = 0; i < Width; i++)
        {
            var range = (float)(_maximum[i] - _minimum[i]);
            row[i] = (float)((float)(row[i] - _minimum[i]) / (range == 0 ? 1 : range));
        }

        return row;
    }

    private float[] Reconstruct(float[] input)
    {
        var activations = input;
        foreach (var layer in _layers)
        {
            activations = layer.Forward(activations);
        }

        return activations;
    }

    /// <summary>One dense layer: weight [outputs, inputs], bias [outputs] and an activation, tanh or relu.</summary>
    private sealed class DenseLayer
    {
        private readonly string _activation;
        private readonly float[] _weight;
        private readonly float[] _bias;

        private DenseLayer(string activation, int inputs, int outputs, float[] weight, float[] bias)
        {
            _activation = activation;
            Inputs = inputs;
            Outputs = outputs;
            _weight = weight;
            _bias = bias;
        }

        public int Inputs { get; }

        public int Outputs { get; }

        public static DenseLayer Read(PortableModelReader reader, int index, int inputs)
        {
            var activation = reader.ReadString();
            if (activation != "tanh" && activation != "relu")
            {
                throw new PortableModelException(PortableModelReader.Invariant(
                    $"Layer {index} of the classic model has activation '{activation}'; only 'tanh' and 'relu' are known."));
            }

            var storedInputs = reader.ReadCount("layer inputs");
            var outputs = reader.ReadCount("layer outputs");
            if (storedInputs != inputs)
            {
                throw new PortableModelException(PortableModelReader.Invariant(
                    $"Layer {index} of the classic model takes {storedInputs} inputs, but the layer before it gives {inputs}."));
            }

            var prefix = "layers." + index.ToString(CultureInfo.InvariantCulture);
            var weight = reader.ReadTensor(prefix + ".weight", outputs, inputs).Values;
            var bias = reader.ReadTensor(prefix + ".bias", outputs).Values;
            return new DenseLayer(activation, inputs, outputs, weight, bias);
        }

        public float[] Forward(float[] input)
        {
            var output = new float[Outputs];
            for (var o = 0; o < Outputs; o++)
            {
                var total = 0.0;
                for (var i = 0; i < Inputs; i++)
                {
                    total += (double)_weight[(o * Inputs) + i] * input[i];
                }

                var linear = (float)(total + _bias[o]);
                output[o] = _activation == "tanh" ? (float)Math.Tanh(linear) : Math.Max(linear, 0f);
            }

            return output;
        }
    }
}
