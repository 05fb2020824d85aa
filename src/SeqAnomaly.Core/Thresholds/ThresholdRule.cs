using System.Globalization;

namespace SeqAnomaly.Core.Thresholds;

/// <summary>
/// How the outlier threshold is chosen from a scan's scores. A row is an outlier when its score is
/// strictly greater than the threshold. Written as <c>kind:argument</c>, for example <c>quantile:0.9998</c>.
/// </summary>
public abstract record ThresholdRule
{
    /// <summary>Accepted forms, for help text and errors.</summary>
    public const string Forms =
        "auto, quantile:Q with 0 < Q < 1, top:N with N a whole number of at least 1, mad:K with K > 0, or value:X";

    /// <summary>Parses <paramref name="text"/>; raises <see cref="InvalidInputException"/> naming the option when it is invalid.</summary>
    public static ThresholdRule Parse(string text)
    {
        var separator = text.IndexOf(':', StringComparison.Ordinal);
        var kind = separator < 0 ? text : text[..separator];
        var argument = separator < 0 ? string.Empty : text[(separator + 1)..];
        var valid = double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number);
        var whole = int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var count);
        return kind switch
        {
            "auto" when separator < 0 => new AutoThreshold(),
            "quantile" when valid && number is > 0 and < 1 => new QuantileThreshold(number),
            "top" when whole && count >= 1 => new TopThreshold(count),
            "mad" when valid && number > 0 => new MadThreshold(number),
            "value" when valid => new FixedThreshold(number),
            _ => throw InvalidInputException.InvalidOption("--threshold", text, Forms),
        };
    }

    /// <summary>
    /// Computes the threshold for <paramref name="scores"/> of a model whose
    /// <see cref="Models.ISequenceModel.OutlierScoreFloor"/> is <paramref name="scoreFloor"/>; only
    /// <see cref="AutoThreshold"/> uses the floor. Needs one sorted copy of the scores, four bytes a row.
    /// </summary>
    public double Compute(ReadOnlySpan<float> scores, double scoreFloor = double.NegativeInfinity) =>
        ComputeInPlace(scores.ToArray(), scoreFloor);

    /// <summary>
    /// Computes the threshold as <see cref="Compute"/> does, but works in <paramref name="scores"/> itself instead
    /// of a copy, so that afterwards the array's contents are unspecified.
    /// </summary>
    public virtual double ComputeInPlace(float[] scores, double scoreFloor = double.NegativeInfinity)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Array.Sort(scores);
        return FromSorted(scores, scoreFloor);
    }

    /// <summary>Computes the threshold from the scores sorted in ascending order, which it may reorder.</summary>
    protected abstract double FromSorted(float[] sorted, double scoreFloor);
}

/// <summary>The Q-quantile of the scores, interpolated linearly between neighbours as numpy's default does.</summary>
public sealed record QuantileThreshold(double Quantile) : ThresholdRule
{
    /// <inheritdoc/>
    protected override double FromSorted(float[] sorted, double scoreFloor)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = Quantile * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * ((double)sorted[upper] - sorted[lower]));
    }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"quantile:{Quantile:R}");
}

/// <summary>A fixed threshold given by the user.</summary>
public sealed record FixedThreshold(double Value) : ThresholdRule
{
    /// <inheritdoc/>
    /// <remarks>The scores are not needed, so they are left unchanged.</remarks>
    public override double ComputeInPlace(float[] scores, double scoreFloor = double.NegativeInfinity) => Value;

    /// <inheritdoc/>
    protected override double FromSorted(float[] sorted, double scoreFloor) => Value;

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"value:{Value:R}");
}
