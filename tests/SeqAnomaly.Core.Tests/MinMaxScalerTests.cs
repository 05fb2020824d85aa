using SeqAnomaly.Core.Encoding;

namespace SeqAnomaly.Core.Tests;

public sealed class MinMaxScalerTests
{
    [Fact]
    public void Transform_FittedRows_MapsToUnitRange()
    {
        float[] rows = [0, 5, 10, 5, 5, 15];
        var scaler = MinMaxScaler.Fit(rows, width: 3);

        scaler.Transform(rows);

        Assert.Equal([0f, 0f, 0f, 1f, 0f, 1f], rows);
    }

    [Fact]
    public void Transform_ValueOutsideTrainingRange_IsNotClipped()
    {
        var scaler = MinMaxScaler.Fit([0f, 10f], width: 1);
        float[] rows = [20];

        scaler.Transform(rows);

        Assert.Equal(2f, rows[0]);
    }
}
