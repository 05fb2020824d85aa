using System.Globalization;
using SeqAnomaly.Data;
using ScottPlot;

namespace SeqAnomaly.Cli.Report;

/// <summary>Draws the report's plots with ScottPlot and saves each as a PNG file.</summary>
internal static class ReportPlots
{
    private const int Width = 900;

    /// <summary>Saves training and validation loss per epoch, on a logarithmic loss axis.</summary>
    public static void SaveLoss(string path, IReadOnlyList<EpochRow> history)
    {
        using var plot = new Plot();
        var epochs = history.Select(epoch => (double)epoch.Epoch).ToArray();
        var trainingLogs = history.Select(epoch => Log10(epoch.TrainingLoss)).ToArray();
        var training = plot.Add.Scatter(epochs, trainingLogs);
        training.LegendText = "training loss";
        var held = history.Where(epoch => epoch.ValidationLoss is not null).ToList();
        if (held.Count > 0)
        {
            var validation = plot.Add.Scatter(
                held.Select(epoch => (double)epoch.Epoch).ToArray(),
                held.Select(epoch => Log10(epoch.ValidationLoss!.Value)).ToArray());
            validation.LegendText = "validation loss";
        }

        plot.Title("Loss per epoch");
        plot.XLabel("Epoch");
        plot.YLabel("Loss (log scale)");

        // Losses often stay within one decade, where powers of ten alone would leave the axis without a label.
        var logs = trainingLogs.Concat(held.Select(epoch => Log10(epoch.ValidationLoss!.Value))).ToList();
        UseLogTicks(plot.Axes.Left, "G3", powersOfTenOnly: logs.Max() - logs.Min() >= 1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, 420);
    }

    /// <summary>Saves the score histogram with a logarithmic count axis and the threshold as a vertical line.</summary>
    public static void SaveHistogram(string path, ScoreHistogram histogram, double threshold, string thresholdRule)
    {
        using var plot = new Plot();

        // A bar rises from log10(0.5) so that a bin of one value, log10(1) = 0, is still visible.
        const double floor = -0.30103;
        var bars = new List<Bar>();
        for (var bin = 0; bin < histogram.Counts.Length; bin++)
        {
            if (histogram.Counts[bin] == 0)
            {
                continue;
            }

            bars.Add(new Bar
            {
                Position = histogram.Center(bin),
                Value = Math.Log10(histogram.Counts[bin]),
                ValueBase = floor,
                Size = histogram.BinWidth,
                FillColor = Colors.SteelBlue,
                LineWidth = 0,
            });
        }

        plot.Add.Bars(bars);
        var line = plot.Add.VerticalLine(threshold);
        line.LineColor = Colors.Crimson;
        line.LineWidth = 2;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"threshold {threshold:G4} ({thresholdRule})");

        plot.Title("Score histogram");
        plot.XLabel("Score");
        plot.YLabel("Values (log scale)");
        UseLogTicks(plot.Axes.Left, "N0", powersOfTenOnly: true);
        plot.Axes.SetLimitsY(floor, Math.Log10(Math.Max(histogram.Counts.Max(), 1)) + 0.3);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, 420);
    }

    /// <summary>
    /// Saves one value's per-position scores as a strip of bars, with the value's characters as the axis labels.
    /// </summary>
    public static void SavePositionStrip(string path, string value, IReadOnlyList<double> positionScores, double score)
    {
        using var plot = new Plot();
        var characters = ReportText.Characters(value);
        var bars = new List<Bar>();
        for (var position = 0; position < positionScores.Count; position++)
        {
            bars.Add(new Bar
            {
                Position = position,
                Value = positionScores[position],
                Size = 0.8,
                FillColor = Colors.DarkOrange,
                LineWidth = 0,
            });
        }

        plot.Add.Bars(bars);
        var ticks = Enumerable.Range(0, characters.Count).Select(i => (double)i).ToArray();
        var labels = characters.Select(ReportText.Visible).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, labels);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 18;
        plot.Axes.Bottom.TickLabelStyle.FontName = Fonts.Monospace;
        plot.Axes.SetLimitsX(-0.6, Math.Max(characters.Count, positionScores.Count) - 0.4);
        plot.Axes.SetLimitsY(0, Math.Max(score, positionScores.DefaultIfEmpty(0).Max()) * 1.05);
        plot.YLabel("Score drop");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{value}   score {score:G4}"));
        plot.SavePng(path, 600, 220);
    }

    private static double Log10(double value) => Math.Log10(Math.Max(value, 1e-12));

    // ScottPlot's axes are linear, so log-scaled data is plotted as log10 and labelled with the original values.
    private static void UseLogTicks(ScottPlot.IAxis axis, string format, bool powersOfTenOnly)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = powersOfTenOnly,
            LabelFormatter = exponent => Math.Pow(10, exponent).ToString(format, CultureInfo.InvariantCulture),
        };
        axis.TickGenerator = ticks;
    }
}
