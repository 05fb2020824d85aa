using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;

namespace SeqAnomaly.Core.Tests;

public sealed class CharacterModelTests
{
    private static readonly TrainingOptions s_fast = CharacterModel.DefaultTrainingOptions with { Epochs = 8, Seed = 7 };

    [Fact]
    public void Train_SeededData_TrainingLossFalls()
    {
        var values = SerialData.Generate(1000, seed: 1);

        var trained = CharacterModel.Train(values, s_fast);
        using var model = trained.Model;
        var history = trained.History;

        Assert.Equal(s_fast.Epochs, history.Count);
        Assert.True(history[^1].TrainingLoss < history[0].TrainingLoss, $"{history[0].TrainingLoss} -> {history[^1].TrainingLoss}");
        Assert.False(double.IsNaN(history[^1].ValidationLoss));
    }

    [Theory]
    [InlineData(100, 16)]
    [InlineData(5_000, 16)]
    [InlineData(5_001, 15)]
    [InlineData(8_000, 10)]
    [InlineData(10_000, 8)]
    [InlineData(1_000_000, 8)]
    public void EpochsFor_RowCount_MatchesBudget(int rows, int expected)
    {
        Assert.Equal(expected, CharacterModel.EpochsFor(rows));
    }

    [Fact]
    public void Train_DefaultEpochs_FollowsRowCount()
    {
        var values = SerialData.Generate(8_000, seed: 8);

        var trained = CharacterModel.Train(values, CharacterModel.DefaultTrainingOptions with { Seed = 7 });
        using var model = trained.Model;

        Assert.Null(CharacterModel.DefaultTrainingOptions.Epochs);
        Assert.Equal(10, trained.History.Count);
        Assert.All(trained.History, epoch => Assert.Equal(10, epoch.Epochs));
        Assert.Contains("\"Epochs\":10,", model.Export().HyperparametersJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CharacterModel.Name)]
    [InlineData(ClassicModel.Name)]
    public void Train_CancelledDuringFirstEpoch_StopsBeforeSecond(string architecture)
    {
        using var cancellation = new CancellationTokenSource();
        var epochs = new List<int>();
        var progress = new SynchronousProgress(epoch =>
        {
            epochs.Add(epoch.Epoch);
            cancellation.Cancel();
        });

        Assert.Throws<OperationCanceledException>(() => ModelCatalog.Train(
            architecture, SerialData.Generate(1000, seed: 9), s_fast, progress, cancellationToken: cancellation.Token));
        Assert.Equal([1], epochs);
    }

    [Fact]
    public void Train_SameSeed_GivesIdenticalScores()
    {
        var values = SerialData.Generate(600, seed: 2);

        using var first = CharacterModel.Train(values, s_fast).Model;
        using var second = CharacterModel.Train(values, s_fast).Model;

        Assert.Equal(first.Score(values), second.Score(values));
    }

    [Fact]
    public void Load_ExportedModel_ScoresAndExplainsIdentically()
    {
        var values = SerialData.Generate(600, seed: 3);
        string[] probes = [.. values.Take(50), "AAAA7QQQ", "AAAA1QQ", "AAAA1QQQQQ"];
        using var trained = CharacterModel.Train(values, s_fast).Model;
        var artifact = trained.Export();

        using var reloaded = ModelCatalog.Load(artifact, artifact.WeightsSha256);

        Assert.Equal(CharacterModel.Name, reloaded.Architecture);
        Assert.Equal(trained.Score(probes), reloaded.Score(probes));
        Assert.Equal(trained.Explain(probes), reloaded.Explain(probes));
    }

    [Fact]
    public void Score_DuplicateValues_ScoreAlike()
    {
        var values = SerialData.Generate(600, seed: 4);
        using var model = CharacterModel.Train(values, s_fast).Model;

        var scores = model.Score(["ABCD1QWO", "AAAA7QQQ", "ABCD1QWO"]);

        Assert.Equal(scores[0], scores[2]);
        Assert.True(scores[1] > scores[0], $"wrong digit {scores[1]} vs normal {scores[0]}");
    }

    [Fact]
    public void Explain_WrongCharacter_NamesPositionAndExpectedClass()
    {
        using var model = CharacterModel.Train(SerialData.Generate(2000, seed: 5), s_fast with { Epochs = 12 }).Model;

        var explanations = model.Explain(["AAAA7QQQ", "9BCD1QWO", "ABCD1QWa"]);

        Assert.Equal("position 5: '7' where a digit 0-2 was expected", explanations[0]);
        Assert.Equal("position 1: '9' where an upper-case letter A-F was expected", explanations[1]);
        Assert.Equal("position 8: 'a' where one of 'L', 'M', 'O', 'P', 'Q', 'W', 'X', 'Z' was expected", explanations[2]);
    }

    [Fact]
    public void Explain_ShortValue_NamesExpectedLength()
    {
        using var model = CharacterModel.Train(SerialData.Generate(2000, seed: 6), s_fast with { Epochs = 12 }).Model;

        var explanation = model.Explain(["ABCD1QW"])[0];

        Assert.Equal("length 7 where 8 was expected", explanation);
    }

    [Fact]
    public void Score_ValueLongerThanWidth_IsFlaggedAsOverLength()
    {
        using var model = CharacterModel.Train(SerialData.Generate(600, seed: 7), s_fast).Model;

        var scores = model.Score(["ABCD1QWOX"]);
        var explanation = model.Explain(["ABCD1QWOX"])[0];

        Assert.Equal(CharacterModel.MaxScore, scores[0]);
        Assert.Equal("length 9 where at most 8 was expected", explanation);
    }

    [Fact]
    public void Train_ValueOverMaxLength_IsLeftOutAndFlagged()
    {
        var values = SerialData.Generate(600, seed: 8);
        values.Add("ABCD1QWOABCD1QWO");

        var trained = CharacterModel.Train(values, s_fast, new CharacterModelOptions(MaxLength: 10));
        using var model = trained.Model;
        var scores = model.Score(["ABCD1QWOABCD1QWO"]);
        var explanation = model.Explain(["ABCD1QWOABCD1QWO"])[0];

        Assert.Equal(600, trained.TrainingRows);
        Assert.Equal(CharacterModel.MaxScore, scores[0]);
        Assert.Equal("length 16 where at most 8 was expected", explanation);
    }

    [Fact]
    public void Train_AllValuesOverMaxLength_NamesLimit()
    {
        var error = Assert.Throws<InvalidInputException>(
            () => CharacterModel.Train(["ABCDEFGH"], s_fast, new CharacterModelOptions(MaxLength: 4)));

        Assert.Contains("at most 4 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoThreshold_CleanColumn_FlagsNothing()
    {
        var values = SerialData.Generate(3000, seed: 9);
        using var model = CharacterModel.Train(values, s_fast with { Epochs = 12 }).Model;

        var scores = model.Score(values);
        var threshold = new AutoThreshold().Compute(scores, model.OutlierScoreFloor);

        Assert.DoesNotContain(scores, score => score > threshold);
    }

    [Fact]
    public void AutoThreshold_PlantedValues_FlagsOnlyThem()
    {
        var values = SerialData.Generate(3000, seed: 10);
        string[] planted = ["ABCD7QWO", "ABCDEQWO", "ABC1QWO", "ABCD1QWO-"];
        values.AddRange(planted);
        using var model = CharacterModel.Train(values, s_fast with { Epochs = 12 }).Model;

        var scores = model.Score(values);
        var threshold = new AutoThreshold().Compute(scores, model.OutlierScoreFloor);
        var flagged = values.Where((_, i) => scores[i] > threshold).ToArray();

        Assert.Equal(planted, flagged);
    }

    private sealed class SynchronousProgress(Action<EpochLoss> report) : IProgress<EpochLoss>
    {
        public void Report(EpochLoss value) => report(value);
    }
}
