namespace SeqAnomaly.Core.Encoding;

/// <summary>
/// Per-position min-max scaling to [0, 1], fitted on training rows and reused unchanged for scoring.
/// A position whose minimum equals its maximum gets range 1, so it maps to 0 instead of dividing by zero.
/// </summary>
public sealed record MinMaxScaler(float[] Minimum, float[] Maximum)
{
    /// <summary>Fits the scaler on rows of <paramref name="width"/> features stored one after another.</summary>
    public static MinMaxScaler Fit(ReadOnlySpan<float> rows, int width)
    {
        var minimum = new float[width];
        var maximum = new float[width];
        Array.Fill(minimum, float.PositiveInfinity);
        Array.Fill(maximum, float.NegativeInfinity);
        for (var offset = 0; offset < rows.Length; offset += width)
        {
            for (var i = 0; i < width; i++)
            {
                minimum[i] = Math.Min(minimum[i], rows[offset + i]);
                maximum[i] = Math.Max(maximum[i], rows[offset + i]);
            }
        }

        return new MinMaxScaler(minimum, maximum);
    }

    /// <summary>Scales rows in place.</summary>
    public void Transform(Span<float> rows)
    {
        var width = Minimum.Length;
        for (var offset = 0; offset < rows.Length; offset += width)
        {
            for (var i = 0; i < width; i++)
            {
                var range = Maximum[i] - Minimum[i];
                rows[offset + i] = (rows[offset + i] - Minimum[i]) / (range == 0 ? 1 : range);
            }
        }
    }
}
