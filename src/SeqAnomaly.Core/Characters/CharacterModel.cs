using System.Text.Json;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Portable;
using TorchSharp;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Characters;

/// <summary>
/// The default architecture: a leave-one-out character autoencoder over a vocabulary learned from the
/// column (<see cref="CharacterNetwork"/>). A value's score is the largest negative log-likelihood, in
/// nats, of any of its positions, padding after its end included, predicted with that position hidden.
/// So a score of s means the value's least likely character had probability exp(-s). The score is a
/// fixed function of the value given the model, capped at <see cref="MaxScore"/>.
/// </summary>
public sealed partial class CharacterModel : ISequenceModel
{
    /// <summary>Architecture name of this model.</summary>
    public const string Name = "charae";

    /// <summary>Highest score, given to values longer than the model's width and to impossible characters.</summary>
    public const float MaxScore = 30f;

    /// <summary>
    /// Probability below which a character counts as an error for the <c>auto</c> threshold rule: a value
    /// is an outlier only if some position is less likely than one in 5,000. Training stops learning
    /// characters below <see cref="LearnedProbability"/>, which pushes them far below this floor, while
    /// valid characters learned near the trim level stay above it.
    /// </summary>
    public const double OutlierProbability = 2e-4;

    /// <summary>Probability below which a character stops adding to the training loss (see the trainer's trimmed loss).</summary>
    public const double LearnedProbability = 1e-3;

    /// <summary>Share of rows in which a (position, character) pair must occur to inform other positions.</summary>
    public const double KnownPairShare = 1e-3;

    /// <summary>Rows of every batch the network scores; shorter batches are padded to it.</summary>
    internal const int ScoringBatchSize = 2048;

    private static readonly Scalar s_maxScore = MaxScore.ToScalar();

    private readonly CharacterNetwork _network;
    private readonly CharacterVocabulary _vocabulary;
    private readonly TrainingOptions _training;
    private readonly CharacterModelOptions _shape;

    private CharacterModel(
        CharacterNetwork network, CharacterVocabulary vocabulary, int width, TrainingOptions training, CharacterModelOptions shape)
    {
        _network = network;
        _vocabulary = vocabulary;
        Width = width;
        _training = training;
        _shape = shape;
    }

    /// <summary>
    /// Training options that suit this architecture: few epochs, since every row trains every position, and
    /// their number chosen by <see cref="EpochsFor"/>.
    /// </summary>
    public static TrainingOptions DefaultTrainingOptions { get; } =
        new(Epochs: null, BatchSize: 256, LearningRate: 3e-3, ValidationFraction: 0.1);

    /// <summary>Largest number of epochs <see cref="EpochsFor"/> chooses, used on small columns.</summary>
    public const int MaxEpochs = 16;

    /// <summary>Smallest number of epochs <see cref="EpochsFor"/> chooses, however many rows there are.</summary>
    public const int MinEpochs = 8;

    /// <summary>Largest product of values and epochs that <see cref="EpochsFor"/> chooses, unless that leaves fewer than <see cref="MinEpochs"/>.</summary>
    public const int RowPassBudget = 80_000;

    /// <summary>
    /// Chooses the epochs for <paramref name="trainingRows"/> values, held-out ones included, when none are set:
    /// as many as keep values times epochs within <see cref="RowPassBudget"/>, from <see cref="MinEpochs"/> to
    /// <see cref="MaxEpochs"/>. That gives 16 up to 5,000 values and 8 from 10,000. A large sample takes more
    /// optimizer steps per epoch, so it needs fewer epochs. In the detection-quality benchmark, 8 epochs on
    /// samples of 10,000 values found what 16 found, while columns of 1,000 values lost detections at 8.
    /// </summary>
    public static int EpochsFor(int trainingRows) =>
        Math.Clamp(RowPassBudget / Math.Max(trainingRows, 1), MinEpochs, MaxEpochs);

    /// <inheritdoc/>
    public string Architecture => Name;

    /// <inheritdoc/>
    public double OutlierScoreFloor => -Math.Log(OutlierProbability);

    /// <summary>Number of character positions the model reads: the longest training value, at most the maximum length.</summary>
    public int Width { get; }

    /// <summary>Trains on <paramref name="values"/>, reporting each epoch's losses to <paramref name="progress"/>.</summary>
    /// <remarks>Values longer than <see cref="CharacterModelOptions.MaxLength"/> are left out of training; they score <see cref="MaxScore"/>.</remarks>
    public static TrainedModel Train(
        IReadOnlyList<string> values,
        TrainingOptions options,
        CharacterModelOptions? shape = null,
        IProgress<EpochLoss>? progress = null,
        CancellationToken cancellationToken = default) =>
        TorchGate.Run(() => TrainUnderGate(values, options, shape, progress, cancellationToken));

    private static TrainedModel TrainUnderGate(
        IReadOnlyList<string> values,
        TrainingOptions options,
        CharacterModelOptions? shape,
        IProgress<EpochLoss>? progress,
        CancellationToken cancellationToken)
    {
        options.Validate();
        shape ??= new CharacterModelOptions();
        shape.Validate();
        var trainable = values.Where(value => CharacterVocabulary.Length(value) <= shape.MaxLength).ToList();
        if (trainable.Count == 0)
        {
            throw new InvalidInputException(
                $"There are no values of at most {shape.MaxLength} characters to train on.");
        }

        options = options with { Epochs = options.Epochs ?? EpochsFor(trainable.Count) };
        var vocabulary = CharacterVocabulary.Fit(trainable);
        var width = Math.Max(1, trainable.Max(CharacterVocabulary.Length));
        var rows = new long[trainable.Count * width];
        for (var i = 0; i < trainable.Count; i++)
        {
            vocabulary.Encode(trainable[i], rows.AsSpan(i * width, width));
        }

        // NOTE: the generator is not disposed: in TorchSharp 0.107, disposing it made later torch.random.manual_seed
        // calls stop reproducing the classic model's weights in the same process.
        var generator = new Generator((ulong)options.Seed);
        var network = new CharacterNetwork(width, vocabulary.Size, shape.HiddenSize);
        network.Initialize(generator);
        network.DropoutGenerator = generator;
        network.SetKnownPairs(KnownPairs(rows, width, vocabulary.Size));
        var model = new CharacterModel(network, vocabulary, width, options, shape);
        try
        {
            var history = CharacterTrainer.Fit(network, rows, width, options, options.Epochs.Value, progress, cancellationToken);
            network.DropoutGenerator = null;
            return new TrainedModel(model, history, trainable.Count);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Rebuilds a model from <see cref="Export"/>'s output.</summary>
    public static CharacterModel Load(ModelArtifact artifact)
    {
        var encoding = JsonSerializer.Deserialize<CharacterEncoding>(artifact.EncodingJson)
            ?? throw new InvalidDataException("The character model's encoding JSON is empty.");
        var hyperparameters = JsonSerializer.Deserialize<CharacterHyperparameters>(artifact.HyperparametersJson)
            ?? throw new InvalidDataException("The character model's hyperparameter JSON is empty.");
        var vocabulary = new CharacterVocabulary(encoding.Characters);
        var shape = hyperparameters.Shape;
        // The layers' constructors draw from torch's global generator, which a training under the gate may be using.
        var network = TorchGate.Run(() =>
        {
            var loaded = new CharacterNetwork(encoding.Width, vocabulary.Size, shape.HiddenSize);
            using var stream = new MemoryStream(artifact.Weights);
            loaded.load(stream);
            return loaded;
        });
        return new CharacterModel(network, vocabulary, encoding.Width, hyperparameters.Training, shape);
    }

    /// <inheritdoc/>
    public float[] Score(IReadOnlyList<string> values) => TorchGate.Run(() => ScoreUnderGate(values));

    private float[] ScoreUnderGate(IReadOnlyList<string> values)
    {
        var scores = new float[values.Count];
        var (distinct, indices) = Deduplicate(values, scores);
        var distinctScores = new float[distinct.Count];
        ForEachBatch(distinct, (start, tokens, logProbabilities) => CopyWorst(tokens, logProbabilities, distinctScores, start));

        for (var i = 0; i < values.Count; i++)
        {
            if (indices[i] >= 0)
            {
                scores[i] = distinctScores[indices[i]];
            }
        }

        return scores;
    }

    /// <inheritdoc/>
    public ModelArtifact Export()
    {
        using var stream = new MemoryStream();
        _network.save(stream);
        var encoding = new CharacterEncoding([.. _vocabulary.Characters], Width);
        var hyperparameters = new CharacterHyperparameters(_training, _shape);
        return new ModelArtifact(
            Name, JsonSerializer.Serialize(encoding), JsonSerializer.Serialize(hyperparameters), stream.ToArray());
    }

    /// <inheritdoc/>
    public byte[] ExportPortable(double threshold) => TorchGate.Run(() =>
    {
        using var writer = new PortableModelWriter(Name, Width, threshold);
        writer.WriteInt32(_shape.MaxLength);
        writer.WriteInt32Array([.. _vocabulary.Characters]);
        writer.WriteDouble(MaxScore);
        _network.WritePortable(writer);
        return writer.ToArray();
    });

    /// <inheritdoc/>
    public void Dispose() => _network.Dispose();

    /// <summary>
    /// Marks the (position, token) pairs seen in at least <see cref="KnownPairShare"/> of the rows, and at
    /// least twice, as usable context.
    /// </summary>
    private static float[] KnownPairs(long[] rows, int width, int vocabularySize)
    {
        var counts = new int[width * vocabularySize];
        for (var i = 0; i < rows.Length; i++)
        {
            counts[((i % width) * vocabularySize) + (int)rows[i]]++;
        }

        var minimum = Math.Max(2, (int)Math.Ceiling(rows.Length / width * KnownPairShare));
        return [.. counts.Select(count => count >= minimum ? 1f : 0f)];
    }

    /// <summary>
    /// Splits values into distinct in-width values to score and an index per value into them; values
    /// longer than the width get index -1 and <see cref="MaxScore"/> in <paramref name="scores"/>.
    /// </summary>
    private (List<string> Distinct, int[] Indices) Deduplicate(IReadOnlyList<string> values, float[] scores)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var indices = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (CharacterVocabulary.Length(values[i]) > Width)
            {
                indices[i] = -1;
                scores[i] = MaxScore;
                continue;
            }

            if (!positions.TryGetValue(values[i], out var index))
            {
                index = distinct.Count;
                positions.Add(values[i], index);
                distinct.Add(values[i]);
            }

            indices[i] = index;
        }

        return (distinct, indices);
    }

    /// <summary>
    /// Scores one batch made by <see cref="EncodeBatch"/>, without encoding: for measuring the network alone.
    /// </summary>
    internal float[] ScoreEncoded(long[] rows, int count) => TorchGate.Run(() =>
    {
        _network.eval();
        using var _ = no_grad();
        var scores = new float[count];
        Forward(rows, count, (tokens, logProbabilities) => CopyWorst(tokens, logProbabilities, scores, 0));
        return scores;
    });

    /// <summary>
    /// Encodes <paramref name="count"/> in-width values from <paramref name="start"/> into one batch of
    /// <see cref="ScoringBatchSize"/> rows, the rest padding.
    /// </summary>
    internal long[] EncodeBatch(IReadOnlyList<string> values, int start, int count)
    {
        var rows = new long[ScoringBatchSize * Width];
        for (var i = 0; i < count; i++)
        {
            _vocabulary.Encode(values[start + i], rows.AsSpan(i * Width, Width));
        }

        return rows;
    }

    /// <summary>Copies each row's score, the negative log-probability of its least likely character, to <paramref name="target"/>.</summary>
    private static void CopyWorst(Tensor tokens, Tensor logProbabilities, float[] target, int start)
    {
        using var likelihood = logProbabilities.gather(2, tokens.unsqueeze(2)).squeeze(2);
        using var worst = likelihood.neg().amax([1]).clamp_max(s_maxScore);
        worst.data<float>().CopyTo(target, start);
    }

    /// <summary>Runs the network over in-width values in batches, passing each batch's tokens and log-probabilities.</summary>
    private void ForEachBatch(IReadOnlyList<string> values, Action<int, Tensor, Tensor> consume)
    {
        _network.eval();
        using var _ = no_grad();
        for (var start = 0; start < values.Count; start += ScoringBatchSize)
        {
            var count = Math.Min(ScoringBatchSize, values.Count - start);
            Forward(EncodeBatch(values, start, count), count, (tokens, logProbabilities) => consume(start, tokens, logProbabilities));
        }
    }

    /// <summary>
    /// Runs the network over one encoded batch. Every batch has the same shape, padded with padding rows,
    /// because matrix kernels round differently for different batch sizes. A value thus scores the same bits
    /// alone or among thousands.
    /// </summary>
    private void Forward(long[] rows, int count, Action<Tensor, Tensor> consume)
    {
        using var scope = NewDisposeScope();
        var tokens = tensor(rows, [ScoringBatchSize, Width]);
        var logProbabilities = nn.functional.log_softmax(_network.forward(tokens), 2);
        consume(tokens.narrow(0, 0, count), logProbabilities.narrow(0, 0, count));
    }

    private sealed record CharacterEncoding(int[] Characters, int Width);

    private sealed record CharacterHyperparameters(TrainingOptions Training, CharacterModelOptions Shape);
}
