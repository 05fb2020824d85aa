using System.Text.Json;
using SeqAnomaly.Core.Encoding;
using SeqAnomaly.Core.Portable;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// The classic recipe: character-index codes, right zero-padding to the longest value, per-position
/// min-max scaling, the dense 8-4-8 autoencoder, and per-row mean squared error as the score.
/// </summary>
public sealed class ClassicModel : ISequenceModel
{
    /// <summary>Architecture name of this model.</summary>
    public const string Name = "classic";

    /// <summary>Threshold rule of the classic recipe, which assumes about 0.02% of values are anomalies.</summary>
    public const string DefaultThreshold = "quantile:0.9998";

    /// <summary>Weight of the L1 penalty on the first layer's activations.</summary>
    public const double ActivityPenalty = 1e-4;

    private readonly ClassicAutoencoder _network;
    private readonly MinMaxScaler _scaler;
    private readonly TrainingOptions _options;

    private ClassicModel(ClassicAutoencoder network, MinMaxScaler scaler, TrainingOptions options)
    {
        _network = network;
        _scaler = scaler;
        _options = options;
    }

    /// <inheritdoc/>
    public string Architecture => Name;

    /// <inheritdoc/>
    /// <remarks>Mean squared error has no probability meaning, so the floor is 0.</remarks>
    public double OutlierScoreFloor => 0;

    /// <summary>Number of character positions; values are zero-padded to it.</summary>
    public int Width => _scaler.Minimum.Length;

    /// <summary>Trains on <paramref name="values"/>, reporting each epoch's losses to <paramref name="progress"/>.</summary>
    /// <param name="values">Training values.</param>
    /// <param name="options">Training options.</param>
    /// <param name="progress">Receives each epoch's losses.</param>
    /// <param name="minimumWidth">
    /// Lower bound of the width, so that values longer than every training value, such as the longest value of a
    /// column trained on a sample, can still be scored.
    /// </param>
    /// <param name="cancellationToken">Checked before each training batch.</param>
    public static TrainedModel Train(
        IReadOnlyList<string> values,
        TrainingOptions options,
        IProgress<EpochLoss>? progress = null,
        int minimumWidth = 1,
        CancellationToken cancellationToken = default) =>
        TorchGate.Run(() => TrainUnderGate(values, options, progress, minimumWidth, cancellationToken));

    private static TrainedModel TrainUnderGate(
        IReadOnlyList<string> values,
        TrainingOptions options,
        IProgress<EpochLoss>? progress,
        int minimumWidth,
        CancellationToken cancellationToken)
    {
        options.Validate();
        if (values.Count == 0)
        {
            throw new InvalidInputException("There are no values to train on.");
        }

        var width = Math.Max(minimumWidth, Math.Max(1, values.Max(CharIndexEncoding.Length)));
        var rows = EncodeRows(values, width);
        var scaler = MinMaxScaler.Fit(rows, width);
        scaler.Transform(rows);

        var network = TorchGate.Create(options.Seed, () => new ClassicAutoencoder(width));
        var model = new ClassicModel(network, scaler, options);
        try
        {
            var history = ClassicTrainer.Fit(network, rows, width, options, progress, cancellationToken);
            return new TrainedModel(model, history, values.Count);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Rebuilds a model from <see cref="Export"/>'s output.</summary>
    public static ClassicModel Load(ModelArtifact artifact)
    {
        var encoding = JsonSerializer.Deserialize<ClassicEncoding>(artifact.EncodingJson)
            ?? throw new InvalidDataException("The classic model's encoding JSON is empty.");
        var options = JsonSerializer.Deserialize<TrainingOptions>(artifact.HyperparametersJson)
            ?? throw new InvalidDataException("The classic model's hyperparameter JSON is empty.");
        // The layers' constructors draw from torch's global generator, which a training under the gate may be using.
        var network = TorchGate.Run(() =>
        {
            var loaded = new ClassicAutoencoder(encoding.Width);
            using var stream = new MemoryStream(artifact.Weights);
            loaded.load(stream);
            return loaded;
        });
        return new ClassicModel(network, new MinMaxScaler(encoding.Minimum, encoding.Maximum), options);
    }

    /// <inheritdoc/>
    public float[] Score(IReadOnlyList<string> values) => TorchGate.Run(() => ScoreUnderGate(values));

    private float[] ScoreUnderGate(IReadOnlyList<string> values)
    {
        var tooLong = values.FirstOrDefault(value => CharIndexEncoding.Length(value) > Width);
        if (tooLong is not null)
        {
            throw new InvalidInputException(
                $"Value '{tooLong}' has {CharIndexEncoding.Length(tooLong):N0} characters, but this classic model "
                + $"represents at most {Width:N0}, the longest value it was trained on.");
        }

        var scores = new float[values.Count];
        var batchSize = Math.Max(_options.BatchSize, 1024);
        _network.eval();
        using var _ = no_grad();
        for (var start = 0; start < values.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, values.Count - start);

            // Every batch has the same shape, padded with empty rows, because matrix kernels round differently
            // for different batch sizes. A value then scores the same bits alone or among thousands.
            var rows = new float[batchSize * Width];
            for (var i = 0; i < count; i++)
            {
                CharIndexEncoding.Encode(values[start + i], rows.AsSpan(i * Width, Width));
            }

            _scaler.Transform(rows);
            using var scope = NewDisposeScope();
            var input = tensor(rows, [batchSize, Width]);
            var (reconstruction, _) = _network.forward(input);
            var errors = (reconstruction - input).square().mean([1]).narrow(0, 0, count);
            errors.data<float>().CopyTo(scores, start);
        }

        return scores;
    }

    /// <inheritdoc/>
    /// <remarks>Names the position whose scaled code the network reconstructs worst.</remarks>
    public string?[] Explain(IReadOnlyList<string> values) => TorchGate.Run(() => ExplainUnderGate(values));

    private string?[] ExplainUnderGate(IReadOnlyList<string> values)
    {
        var explanations = new string?[values.Count];
        _network.eval();
        using var _ = no_grad();
        var row = new float[Width];
        for (var i = 0; i < values.Count; i++)
        {
            var characters = values[i].EnumerateRunes().Select(rune => rune.ToString()).ToArray();
            if (characters.Length > Width)
            {
                explanations[i] = $"length {characters.Length} where at most {Width} was expected";
                continue;
            }

            CharIndexEncoding.Encode(values[i], row);
            _scaler.Transform(row);
            using var scope = NewDisposeScope();
            var input = tensor(row, [1, Width]);
            var (reconstruction, _) = _network.forward(input);
            var worst = (int)(reconstruction - input).abs().argmax().item<long>();
            explanations[i] = worst < characters.Length
                ? $"position {worst + 1}: '{characters[worst]}' is the character reconstructed worst"
                : $"length {characters.Length}: the padding at position {worst + 1} is reconstructed worst";
        }

        return explanations;
    }

    /// <inheritdoc/>
    public ModelArtifact Export()
    {
        using var stream = new MemoryStream();
        _network.save(stream);
        var encoding = new ClassicEncoding(
            CharIndexEncoding.Index, CharIndexEncoding.UnknownCode, Width, _scaler.Minimum, _scaler.Maximum);
        return new ModelArtifact(
            Name, JsonSerializer.Serialize(encoding), JsonSerializer.Serialize(_options), stream.ToArray());
    }

    /// <inheritdoc/>
    public byte[] ExportPortable(double threshold) => TorchGate.Run(() =>
    {
        using var writer = new PortableModelWriter(Name, Width, threshold);
        writer.WriteString(CharIndexEncoding.Index);
        writer.WriteInt32(CharIndexEncoding.UnknownCode);
        writer.WriteTensor("scaler.minimum", _scaler.Minimum, [Width]);
        writer.WriteTensor("scaler.maximum", _scaler.Maximum, [Width]);
        _network.WritePortable(writer);
        return writer.ToArray();
    });

    /// <inheritdoc/>
    public void Dispose() => _network.Dispose();

    private static float[] EncodeRows(IReadOnlyList<string> values, int width)
    {
        var rows = new float[values.Count * width];
        for (var i = 0; i < values.Count; i++)
        {
            CharIndexEncoding.Encode(values[i], rows.AsSpan(i * width, width));
        }

        return rows;
    }

    private sealed record ClassicEncoding(string Index, int UnknownCode, int Width, float[] Minimum, float[] Maximum);
}
