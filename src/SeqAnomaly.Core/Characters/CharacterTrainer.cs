using SeqAnomaly.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Characters;

/// <summary>
/// Training loop of the character model: a seeded shuffle, a train/validation split, and Adam on the mean
/// per-character cross-entropy over every position, padding included, so that length is learned too.
/// </summary>
internal static class CharacterTrainer
{
    public static IReadOnlyList<EpochLoss> Fit(
        CharacterNetwork network,
        long[] rows,
        int width,
        TrainingOptions options,
        int epochs,
        IProgress<EpochLoss>? progress,
        CancellationToken cancellationToken)
    {
        var count = rows.Length / width;
        var order = Enumerable.Range(0, count).ToArray();
        var shuffle = new Random(options.Seed);
        shuffle.Shuffle(order);

        var validationCount = (int)Math.Floor(count * options.ValidationFraction);
        var trainingCount = count - validationCount;
        if (trainingCount == 0)
        {
            (trainingCount, validationCount) = (count, 0);
        }

        using var training = Gather(rows, width, order.AsSpan(0, trainingCount));
        using var validation = validationCount == 0 ? null : Gather(rows, width, order.AsSpan(trainingCount));
        using var optimizer = new AdamOptimizer(network.parameters(), options.LearningRate);
        var history = new List<EpochLoss>(epochs);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var epochOrder = Enumerable.Range(0, trainingCount).Select(i => (long)i).ToArray();
            shuffle.Shuffle(epochOrder);
            network.train();
            var trainingLoss = 0.0;
            for (var start = 0; start < trainingCount; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var size = Math.Min(options.BatchSize, trainingCount - start);
                var batch = training.index_select(0, tensor(epochOrder.AsSpan(start, size).ToArray()));
                optimizer.ZeroGrad();
                var loss = Loss(network, batch, trimmed: epoch > WarmUpEpochs(epochs));
                loss.backward();
                optimizer.Step();
                trainingLoss += loss.item<float>() * size;
            }

            var validationLoss = validation is null ? double.NaN : Evaluate(network, validation);
            var result = new EpochLoss(epoch, trainingLoss / trainingCount, validationLoss, epochs);
            history.Add(result);
            progress?.Report(result);
        }

        return history;
    }

    /// <summary>Probability below which a character stops adding to the trimmed loss.</summary>
    public const double TrimProbability = CharacterModel.LearnedProbability;

    private static readonly Scalar s_trimLoss = (-Math.Log(TrimProbability)).ToScalar();

    /// <summary>Epochs trained on the plain loss before trimming starts: the first third.</summary>
    private static int WarmUpEpochs(int epochs) => (epochs + 2) / 3;

    /// <summary>
    /// Mean cross-entropy over positions. When <paramref name="trimmed"/>, a position whose character is
    /// already less likely than <see cref="TrimProbability"/> adds nothing, so the few
    /// wrong values in a column do not teach the model that their characters are possible. Trimming
    /// starts after a warm-up, once common characters have reached their frequency.
    /// </summary>
    private static Tensor Loss(CharacterNetwork network, Tensor batch, bool trimmed)
    {
        var logits = network.forward(batch);
        var losses = nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[2]), batch.reshape(-1), reduction: nn.Reduction.None);
        if (!trimmed)
        {
            return losses.mean();
        }

        var learnable = losses.lt(s_trimLoss).to_type(losses.dtype);
        using var count = losses.numel().ToScalar();
        return (losses * learnable).sum().div(count);
    }

    private static double Evaluate(CharacterNetwork network, Tensor rows)
    {
        network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return Loss(network, rows, trimmed: false).item<float>();
    }

    private static Tensor Gather(long[] rows, int width, ReadOnlySpan<int> order)
    {
        var gathered = new long[order.Length * width];
        for (var i = 0; i < order.Length; i++)
        {
            rows.AsSpan(order[i] * width, width).CopyTo(gathered.AsSpan(i * width, width));
        }

        return tensor(gathered, [order.Length, width]);
    }
}
