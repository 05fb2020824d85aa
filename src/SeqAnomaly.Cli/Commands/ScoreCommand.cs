using System.ComponentModel;
using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Report;
using SeqAnomaly.Core;
using SeqAnomaly.Data.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>
/// Scores values against the latest stored model of a name and prints each one's score, whether it passes the
/// model's stored threshold, and why.
/// </summary>
public sealed class ScoreCommand(StandardStreams streams) : AsyncCommand<ScoreCommand.Settings>
{
    /// <summary>Lowest-scored values of the model's scan from which repair candidates are taken.</summary>
    private const int TypicalValues = 1000;

    /// <summary>Options of <c>seqanomaly score</c>.</summary>
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "[VALUE]")]
        [Description("Values to score. Without any, values are read from standard input, one per line.")]
        public string[] Values { get; init; } = [];

        [CommandOption("--model <NAME>")]
        [Description("Name of the stored model, TABLE.COLUMN unless the scan set --model-name; its latest version is used.")]
        public string? Model { get; init; }

        [CommandOption("--json")]
        [Description("Print the results as one JSON document on standard output.")]
        public bool Json { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(settings.Model) ? throw new InvalidInputException("Missing required option --model.") : settings.Model;
        var values = settings.Values.Length > 0 ? settings.Values : await ReadInputAsync(cancellationToken);
        var reader = new ScanReader(settings.OpenStore());
        await ProductTables.RequireAsync(reader, cancellationToken);
        var stored = await reader.FindLatestModelAsync(name, cancellationToken)
            ?? throw new InvalidInputException(
                $"Model '{name}' was not found. Models are named TABLE.COLUMN on SQLite and SCHEMA.TABLE.COLUMN on SQL Server " +
                "and PostgreSQL, unless a scan set --model-name; list them with: SELECT Name, Version FROM Models; " +
                "(anomaly.Models on SQL Server and PostgreSQL).");

        var scanId = await reader.FindScanOfModelAsync(stored.ModelId, cancellationToken);
        var typical = scanId is null ? [] : await reader.ReadLowestScoresAsync(scanId.Value, TypicalValues, cancellationToken);
        using var model = StoredModels.Load(stored);
        var scores = model.Score(values);
        var repaired = new PositionRepair(typical.Select(row => row.Value).OfType<string>()).Explain(model, values);
        var threshold = stored.Model.ThresholdValue;
        var results = values
            .Select((value, i) => new ScoreDocument.Result(
                value, scores[i], scores[i] > threshold, Explain(scores[i], threshold, repaired[i]), repaired[i].PositionScores))
            .ToList();

        var document = new ScoreDocument(
            stored.Model.Name, stored.Version, stored.ModelId, stored.Model.Architecture, stored.Model.ThresholdRule, threshold, results);
        if (settings.Json)
        {
            JsonOutput.Write(streams.Out, document);
        }
        else
        {
            Write(document, settings.Verbosity);
        }

        return ExitCodes.Success;
    }

    // A repair can lower any score a little, so positions are named only for values the threshold flags.
    private static string Explain(double score, double threshold, RepairedValue repair) =>
        score > threshold ? repair.Explanation : "not an outlier: the score is not greater than the threshold";

    private async Task<string[]> ReadInputAsync(CancellationToken cancellationToken)
    {
        if (!streams.InputRedirected)
        {
            throw new InvalidInputException("No values to score: pass them as arguments or pipe them in, one per line.");
        }

        var values = new List<string>();
        while (await streams.In.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                values.Add(line);
            }
        }

        return values.Count > 0
            ? [.. values]
            : throw new InvalidInputException("No values to score: standard input had no non-empty line.");
    }

    private void Write(ScoreDocument document, Verbosity verbosity)
    {
        var console = streams.Out;
        if (verbosity != Verbosity.Quiet)
        {
            console.MarkupLineInterpolated(
                $"Model {document.Model} version {document.Version} ({document.Architecture}); threshold {document.Threshold:G6} ({document.ThresholdRule}).");
        }

        var table = new Table();
        table.AddColumns("Value", "Score", "Outlier", "Explanation");
        foreach (var result in document.Results)
        {
            table.AddRow(
                Markup.Escape(result.Value),
                result.Score.ToString("G6"),
                result.IsOutlier ? "[red]yes[/]" : "no",
                Markup.Escape(result.Explanation ?? string.Empty));
        }

        console.Write(table);
    }
}
