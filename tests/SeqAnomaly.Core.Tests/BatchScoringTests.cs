using SeqAnomaly.Core.Models;

namespace SeqAnomaly.Core.Tests;

// A stored model must score a value to the same bits whether it is scored alone, as `seqanomaly score` does,
// or among thousands, as a scan does.
public sealed class BatchScoringTests
{
    [Theory]
    [InlineData("classic")]
    [InlineData("charae")]
    public void Score_AloneOrInBatch_SameBits(string architecture)
    {
        var values = SerialData.Generate(3000, seed: 6);
        var options = ModelCatalog.DefaultTrainingOptions(architecture) with { Epochs = 2, Seed = 6 };
        using var model = ModelCatalog.Train(architecture, values, options).Model;

        var together = model.Score(values);

        foreach (var index in new[] { 0, 1, 1500, 2047, 2048, 2999 })
        {
            Assert.Equal(together[index], model.Score([values[index]])[0]);
        }
    }
}
