using TorchSharp;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Models;

/// <summary>
/// The classic recipe's training loop: a seeded shuffle, a train/validation split, Adam on mean squared
/// error plus the L1 activity penalty, in mini-batches with every batch's tensors disposed.
/// </summary>
internal static class ClassicTrainer
{
    private static readonly Scalar s_activityPenalty = ClassicModel.ActivityPenalty.ToScalar();

    public static IReadOnlyList<EpochLoss> Fit(
        ClassicAutoencoder network,
        float[] rows,
        int width,
        TrainingOptions options,
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
        var epochs = options.Epochs ?? TrainingOptions.DefaultEpochs;
        var history = new List<EpochLoss>(epochs);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var epochOrder = Enumerable.Range(0, trainingCount).ToArray();
            shuffle.Shuffle(epochOrder);
            network.train();
            var trainingLoss = 0.0;
            for (var start = 0; start < trainingCount; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var size = Math.Min(options.BatchSize, trainingCount - start);
                var indices = tensor(epochOrder.AsSpan(start, size).ToArray().Select(i => (long)i).ToArray());
                var batch = training.index_select(0, indices);
                optimizer.ZeroGrad();
                var loss = Loss(network, batch);
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

    private static Tensor Loss(ClassicAutoencoder network, Tensor batch)
    {
        var (reconstruction, code) = network.forward(batch);
        var penalty = code.abs().sum(1).mean().mul(s_activityPenalty);
        return nn.functional.mse_loss(reconstruction, batch).Plus(penalty);
    }

    private static double Evaluate(ClassicAutoencoder network, Tensor rows)
    {
        network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return Loss(network, rows).item<float>();
    }

    private static Tensor Gather(float[] rows, int width, ReadOnlySpan<int> order)
    {
        var gathered = new float[order.Length * width];
        for (var i = 0; i < order.Length; i++)
        {
            rows.AsSpan(order[i] * width, width).CopyTo(gathered.AsSpan(i * width, width));
        }

        return tensor(gathered, [order.Length, width]);
    }
}
