using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace SeqAnomaly.Cli.Report;

/// <summary>Writes the report page: summary, threshold rule, plots and the outlier table, all text HTML-encoded.</summary>
internal static class HtmlReport
{
    /// <summary>File name of the training loss plot.</summary>
    public const string LossFile = "loss.png";

    /// <summary>File name of the score histogram.</summary>
    public const string HistogramFile = "scores.png";

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
        table { border-collapse: collapse; } td, th { padding: 0.25em 0.8em; text-align: left; vertical-align: top; }
        table.summary td:first-child { color: #555; } table.outliers tr { border-top: 1px solid #ddd; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 1.1em; }
        .rule { background: #f4f4f4; padding: 0.6em 1em; border-left: 4px solid crimson; }
        img { max-width: 100%; } img.strip { width: 450px; }
        """;

    /// <summary>Writes <paramref name="content"/> as HTML to <paramref name="path"/>.</summary>
    public static void Write(string path, ScanReportContent content)
    {
        var html = new StringBuilder();
        var scan = content.Scan;
        var title = $"Scan {scan.ScanId}: {scan.SourceTable}.{scan.ValueColumn}";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{HtmlEncode(title)}</title><style>{Style}</style></head>
            <body>
            <h1>{HtmlEncode(title)}</h1>

            """);
        AppendSummary(html, content);
        html.Append(CultureInfo.InvariantCulture, $"""
            <p class="rule">{HtmlEncode(ThresholdText.Describe(content.Counts.ThresholdRule, content.Counts.Threshold))}</p>

            """);
        AppendOutliers(html, content);
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>Scores</h2>
            <img src="{HistogramFile}" alt="Histogram of the scan's scores with the threshold line">
            <h2>Training</h2>
            <img src="{LossFile}" alt="Training and validation loss per epoch">

            """);
        html.Append("</body>\n</html>\n");
        File.WriteAllText(path, html.ToString());
    }

    private static void AppendSummary(StringBuilder html, ScanReportContent content)
    {
        var scan = content.Scan;
        var counts = content.Counts;
        var model = content.Model;
        var duration = scan.FinishedAt - scan.StartedAt;
        string[][] rows =
        [
            ["Source", $"{scan.SourceTable}.{scan.ValueColumn} (key {scan.KeyColumn})"],
            ["Status", scan.Status],
            ["Started", $"{scan.StartedAt:yyyy-MM-dd HH:mm:ss} UTC"],
            ["Duration", duration is null ? "unknown" : $"{duration.Value.TotalSeconds:F1} s"],
            ["Rows read", $"{counts.RowsRead:N0}"],
            ["NULLs skipped", $"{counts.NullsSkipped:N0}"],
            ["Rows scored", $"{counts.RowsScored:N0}"],
            ["Outliers", $"{counts.Outliers:N0}"],
            ["Threshold", $"{counts.Threshold:G6} ({counts.ThresholdRule})"],
            ["Model", $"{model.Model.Name} version {model.Version} (id {model.ModelId}), {model.Model.Architecture}"],
            ["Trained on", $"{model.Model.TrainingRows:N0} values, {content.History.Count} epochs"],
            ["Final loss", FinalLoss(model.Model)],
        ];
        html.Append("<table class=\"summary\">\n");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{HtmlEncode(row[0])}</td><td>{HtmlEncode(row[1])}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string FinalLoss(Data.ModelRow model) =>
        model.FinalValidationLoss is { } validation
            ? string.Create(CultureInfo.InvariantCulture, $"training {model.FinalTrainingLoss:G4}, validation {validation:G4}")
            : string.Create(CultureInfo.InvariantCulture, $"training {model.FinalTrainingLoss:G4}");

    private static void AppendOutliers(StringBuilder html, ScanReportContent content)
    {
        var flagged = content.Outliers.Count(row => row.Row.IsOutlier);
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>Top {content.Outliers.Count} scores ({flagged} of them outliers)</h2>
            <p>Each bar shows how far the value's score falls when that one character is replaced by the character
            typical values have at that position, or removed, whichever lowers it most.</p>
            <table class="outliers">
            <tr><th>#</th><th>Row key</th><th>Value</th><th>Score</th><th>Outlier</th><th>Explanation</th></tr>

            """);
        for (var i = 0; i < content.Outliers.Count; i++)
        {
            var (row, repair, strip) = content.Outliers[i];
            var explanation = row.Explanation is null
                ? HtmlEncode(repair.Explanation)
                : $"{HtmlEncode(row.Explanation)}<br><small>Repair: {HtmlEncode(repair.Explanation)}</small>";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{i + 1}</td><td>{HtmlEncode(row.RowKey)}</td><td><code>{HtmlEncode(row.Value ?? "")}</code></td>
                <td>{row.Score:G6}</td><td>{(row.IsOutlier ? "yes" : "no")}</td><td>{explanation}</td></tr>
                <tr><td></td><td colspan="5"><img class="strip" src="{strip}" alt="Per-position scores of {HtmlEncode(row.Value ?? "")}"></td></tr>

                """);
        }

        html.Append("</table>\n");
    }
}
