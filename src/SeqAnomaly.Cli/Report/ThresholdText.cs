using System.Globalization;

namespace SeqAnomaly.Cli.Report;

/// <summary>Describes a stored threshold rule in words for people reading a report.</summary>
internal static class ThresholdText
{
    /// <summary>Returns how <paramref name="rule"/> chose <paramref name="threshold"/>, and what it flags.</summary>
    public static string Describe(string rule, double threshold)
    {
        var separator = rule.IndexOf(':', StringComparison.Ordinal);
        var kind = separator < 0 ? rule : rule[..separator];
        var argument = separator < 0 ? string.Empty : rule[(separator + 1)..];
        var how = kind switch
        {
            "quantile" => $"the {argument} quantile of this scan's scores",
            "value" => "a fixed value given by the user",
            "top" => $"the next score below the {argument} highest, so that those are flagged",
            "mad" => $"the median score plus {argument} times the median absolute deviation",
            "auto" => "robust statistics of the distinct scores, with no anomaly rate given",
            _ => "computed by the rule shown",
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"A row is an outlier when its score is greater than the threshold {threshold:G6}. Rule {rule}: {how}.");
    }
}
