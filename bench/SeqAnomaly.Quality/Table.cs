using System.Globalization;

namespace SeqAnomaly.Quality;

/// <summary>Markdown table of detections.</summary>
public static class Table
{
    /// <summary>Header and separator lines.</summary>
    public const string Header =
        "| column | architecture | rule | anomalies | flagged | precision | recall | F1 | P@k | seconds |\n"
        + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|";

    /// <summary>One detection as a table row.</summary>
    public static string Row(Detection d) => d.IsFailure
        ? $"| {d.Column} | {d.Architecture} | {d.Rule} | {d.Anomalies} | failed | | | | | |"
        : string.Create(
        CultureInfo.InvariantCulture,
        $"| {d.Column} | {d.Architecture} | {d.Rule} | {d.Anomalies} | {d.Flagged} | {d.Precision:0.000} | {d.Recall:0.000} | {d.F1:0.000} | {d.PrecisionAtK:0.000} | {d.Seconds:0.0} |");
}
