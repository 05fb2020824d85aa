using SeqAnomaly.Core;
using SeqAnomaly.Core.Models;

namespace SeqAnomaly.Core.Tests;

public sealed class ClassicModelTests
{
    private static readonly TrainingOptions s_fast = new(Epochs: 8, BatchSize: 64, Seed: 7);

    [Fact]
    public void Train_SeededData_TrainingLossFalls()
    {
        var values = Serials(600, seed: 1);

        var trained = ClassicModel.Train(values, s_fast);
        using var model = trained.Model;
        var history = trained.History;

        Assert.Equal(s_fast.Epochs, history.Count);
        Assert.True(history[^1].TrainingLoss < history[0].TrainingLoss, $"{history[0].TrainingLoss} -> {history[^1].TrainingLoss}");
        Assert.False(double.IsNaN(history[^1].ValidationLoss));
    }

    [Fact]
    public void Train_SameSeed_GivesIdenticalScores()
    {
        var values = Serials(400, seed: 2);

        using var first = ClassicModel.Train(values, s_fast).Model;
        using var second = ClassicModel.Train(values, s_fast).Model;

        Assert.Equal(first.Score(values), second.Score(values));
    }

    [Fact]
    public void Score_ValueWiderThanModel_RaisesNamingValue()
    {
        using var model = (ClassicModel)ClassicModel.Train(Serials(200, seed: 4), s_fast with { Epochs = 1 }).Model;
        var tooLong = new string('A', model.Width + 2);

        var error = Assert.Throws<InvalidInputException>(() => model.Score(["AB1234", tooLong]));

        Assert.Contains($"'{tooLong}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {model.Width}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExportedModel_ScoresIdentically()
    {
        var values = Serials(400, seed: 3);
        using var trained = ClassicModel.Train(values, s_fast).Model;
        var artifact = trained.Export();

        using var reloaded = ModelCatalog.Load(artifact, artifact.WeightsSha256);

        Assert.Equal(trained.Score(values), reloaded.Score(values));
    }

    [Fact]
    public void Load_TamperedWeights_IsRejected()
    {
        using var trained = ClassicModel.Train(Serials(200, seed: 4), s_fast with { Epochs = 1 }).Model;
        var artifact = trained.Export();
        var expected = artifact.WeightsSha256;
        var tampered = artifact with { Weights = [.. artifact.Weights] };
        tampered.Weights[^1] ^= 0xFF;

        var error = Assert.Throws<InvalidDataException>(() => ModelCatalog.Load(tampered, expected));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_WrongFormatValue_ScoresAboveTypicalValues()
    {
        var values = Serials(2000, seed: 5);
        using var trained = ClassicModel.Train(values, new TrainingOptions(Epochs: 20, Seed: 5)).Model;

        var scores = trained.Score([.. values.Take(200), "zzzz9zzz"]);

        var typical = scores.Take(200).Order().ElementAt(190);
        Assert.True(scores[^1] > typical, $"anomaly {scores[^1]} vs 95th percentile {typical}");
    }

    [Fact]
    public void Train_InvalidEpochs_NamesOption()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => ClassicModel.Train(["A"], s_fast with { Epochs = -1 }));

        Assert.Contains("--epochs", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Serials(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new string(
        [
            .. Enumerable.Range(0, 4).Select(_ => "ABCDEF"[random.Next(6)]),
            "012"[random.Next(3)],
            .. Enumerable.Range(0, 3).Select(_ => "QWOPZXML"[random.Next(8)]),
        ]))];
    }
}
