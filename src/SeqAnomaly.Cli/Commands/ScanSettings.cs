using System.ComponentModel;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Options of <c>seqanomaly scan</c>.</summary>
public sealed class ScanSettings : DatabaseSettings
{
    [CommandOption("--table <TABLE>")]
    [Description("Source table, optionally schema-qualified: Parts, sales.Parts, \"Sales\".\"Parts\".")]
    public string? Table { get; init; }

    [CommandOption("--key <COLUMN>")]
    [Description("Column that identifies each row; its values must be unique.")]
    public string? Key { get; init; }

    [CommandOption("--column <COLUMN>")]
    [Description("Column whose values are scanned; any type with a text form.")]
    public string? Column { get; init; }

    [CommandOption("--model-name <NAME>")]
    [Description("Name the model is stored under. Defaults to TABLE.COLUMN.")]
    public string? ModelName { get; init; }

    [CommandOption("--architecture <NAME>")]
    [Description("Model architecture: classic.")]
    [DefaultValue(ModelCatalog.DefaultArchitecture)]
    public string Architecture { get; init; } = ModelCatalog.DefaultArchitecture;

    [CommandOption("--threshold <RULE>")]
    [Description("Outlier threshold rule: quantile:Q (0 < Q < 1) or value:X. Default: quantile:0.9998.")]
    [DefaultValue(ScanRunner.DefaultThreshold)]
    public string Threshold { get; init; } = ScanRunner.DefaultThreshold;

    [CommandOption("--epochs <N>")]
    [Description("Training epochs.")]
    [DefaultValue(30)]
    public int Epochs { get; init; } = 30;

    [CommandOption("--batch-size <N>")]
    [Description("Rows per training step.")]
    [DefaultValue(128)]
    public int BatchSize { get; init; } = 128;

    [CommandOption("--seed <N>")]
    [Description("Random seed; the same data, seed and options give the same scores.")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("--json")]
    [Description("Print the result as one JSON document on standard output; progress goes to standard error.")]
    public bool Json { get; init; }

    [CommandOption("--top <N>")]
    [Description("Number of outliers listed in the summary.")]
    [DefaultValue(20)]
    public int Top { get; init; } = 20;

    /// <summary>Checks every option and returns the scan request; raises <see cref="InvalidInputException"/> on the first bad one.</summary>
    public ScanRequest ToRequest()
    {
        var table = Required(Table, "--table");
        var key = Required(Key, "--key");
        var column = Required(Column, "--column");
        var training = new TrainingOptions(Epochs, BatchSize, Seed);
        training.Validate();
        if (!ModelCatalog.Architectures.Contains(Architecture))
        {
            throw InvalidInputException.InvalidOption("--architecture", Architecture, string.Join(", ", ModelCatalog.Architectures));
        }

        if (Top < 0)
        {
            throw InvalidInputException.InvalidOption("--top", Top.ToString(), "a whole number of at least 0");
        }

        var modelName = ModelName ?? $"{table}.{column}";
        if (string.IsNullOrWhiteSpace(modelName) || modelName.Length > 200)
        {
            throw InvalidInputException.InvalidOption("--model-name", modelName, "a non-blank name of at most 200 characters");
        }

        return new ScanRequest(table, key, column, modelName, Architecture, ThresholdRule.Parse(Threshold), training);
    }

    private static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidInputException($"Missing required option {option}.") : value;
}
