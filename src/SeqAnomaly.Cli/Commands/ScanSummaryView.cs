using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Data;
using Spectre.Console;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Renders a finished scan: counts, timings, threshold and the top outliers.</summary>
internal static class ScanSummaryView
{
    public static void Write(IAnsiConsole console, ScanResult result, DatabaseProvider provider, Verbosity verbosity)
    {
        var counts = result.Counts;
        if (verbosity == Verbosity.Quiet)
        {
            console.MarkupLineInterpolated(
                $"Scan {result.ScanId}: {counts.Outliers:N0} outliers in {counts.RowsScored:N0} values (threshold {counts.Threshold:G6}, {counts.ThresholdRule}).");
            return;
        }

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("Scan", result.ScanId.ToString());
        summary.AddRow("Model", result.ModelId.ToString());
        summary.AddRow("Source", $"{result.Source.DisplayTable}.{result.Source.ValueColumn}");
        summary.AddRow("Rows read", counts.RowsRead.ToString("N0"));
        summary.AddRow("NULLs skipped", counts.NullsSkipped.ToString("N0"));
        summary.AddRow("Rows scored", counts.RowsScored.ToString("N0"));
        summary.AddRow("Read time", $"{result.ReadTime.TotalSeconds:F2} s");
        summary.AddRow("Training time", $"{result.TrainingTime.TotalSeconds:F2} s");
        summary.AddRow("Scoring time", $"{result.ScoringTime.TotalSeconds:F2} s");
        summary.AddRow("Write time", $"{result.WriteTime.TotalSeconds:F2} s");
        summary.AddRow("Threshold", Markup.Escape($"{counts.Threshold:G6} ({counts.ThresholdRule})"));
        summary.AddRow("Outliers", counts.Outliers.ToString("N0"));
        console.Write(summary);

        if (result.TopOutliers.Count == 0)
        {
            console.MarkupLine("No outliers.");
            return;
        }

        var table = new Table().Title($"Top {result.TopOutliers.Count} outliers");
        var explained = result.TopOutliers.Any(row => row.Explanation is not null);
        table.AddColumns("Row key", "Value", "Score");
        if (explained)
        {
            table.AddColumn("Explanation");
        }

        foreach (var row in result.TopOutliers)
        {
            var cells = new List<string> { Markup.Escape(row.RowKey), Markup.Escape(row.Value ?? string.Empty), row.Score.ToString("G6") };
            if (explained)
            {
                cells.Add(Markup.Escape(row.Explanation ?? string.Empty));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        console.MarkupLineInterpolated($"Query them with: SELECT * FROM {provider.ObjectName("AnomalousSequences")};");
    }
}
