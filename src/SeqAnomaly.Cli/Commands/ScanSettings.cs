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
    [Description("Model architecture: charae (the default: per-character autoencoder with explanations) or classic.")]
    public string? Architecture { get; init; }

    [CommandOption("--threshold <RULE>")]
    [Description("Outlier threshold rule: auto, quantile:Q, top:N, mad:K or value:X. Default: auto for charae, quantile:0.9998 for classic.")]
    public string? Threshold { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Training epochs. Default: charae 16, fewer on samples above 5,000 values (8 at 10,000); classic 30.")]
    public int? Epochs { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Rows per training step. Default: the architecture's own.")]
    public int? BatchSize { get; init; }

    [CommandOption("--seed <N>")]
    [Description("Random seed; the same data, seed and options give the same scores.")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("--sample-size <N>")]
    [Description("Train on a uniform random sample of at most N non-NULL values (at least 100); every row is still scored.")]
    [DefaultValue(ScanTuning.DefaultSampleSize)]
    public int SampleSize { get; init; } = ScanTuning.DefaultSampleSize;

    [CommandOption("--max-length <N>")]
    [Description("Longest value in characters the model represents; longer values are flagged as over-length.")]
    [DefaultValue(64)]
    public int MaxLength { get; init; } = 64;

    [CommandOption("--score-batch-size <N>")]
    [Description("Rows scored per model call.")]
    [DefaultValue(4096)]
    public int ScoreBatchSize { get; init; } = 4096;

    [CommandOption("--threads <N>")]
    [Description("Threads TorchSharp uses for training and scoring. Default: one per core.")]
    public int? Threads { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as one JSON document on standard output; progress goes to standard error.")]
    public bool Json { get; init; }

    [CommandOption("--incremental")]
    [Description("Reuse the latest model of --model-name and score only rows that have no score yet; a full scan runs if there is no model.")]
    public bool Incremental { get; init; }

    [CommandOption("--retrain")]
    [Description("Train a new model and score every row (the default); the opposite of --incremental.")]
    public bool Retrain { get; init; }

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
        var architecture = Architecture ?? ModelCatalog.DefaultArchitecture;
        if (!ModelCatalog.Architectures.Contains(architecture))
        {
            throw InvalidInputException.InvalidOption("--architecture", architecture, string.Join(", ", ModelCatalog.Architectures));
        }

        var defaults = ModelCatalog.DefaultTrainingOptions(architecture);
        var training = defaults with { Epochs = Epochs ?? defaults.Epochs, BatchSize = BatchSize ?? defaults.BatchSize, Seed = Seed };
        training.Validate();
        var threshold = ThresholdRule.Parse(Threshold ?? ModelCatalog.DefaultThresholdRule(architecture));
        var tuning = new ScanTuning(
            InRange(SampleSize, ScanTuning.MinimumSampleSize, int.MaxValue, "--sample-size"),
            Positive(MaxLength, "--max-length"),
            InRange(ScoreBatchSize, 1, ScanTuning.MaxScoreBatchSize, "--score-batch-size"));
        if (Threads is { } threads)
        {
            Positive(threads, "--threads");
        }

        if (Top < 0)
        {
            throw InvalidInputException.InvalidOption("--top", Top.ToString(), "a whole number of at least 0");
        }

        var modelName = ModelName;
        if (modelName is not null && (string.IsNullOrWhiteSpace(modelName) || modelName.Length > 200))
        {
            throw InvalidInputException.InvalidOption("--model-name", modelName, "a non-blank name of at most 200 characters");
        }

        if (Incremental && Retrain)
        {
            throw new InvalidInputException("--incremental and --retrain exclude each other: choose one.");
        }

        return new ScanRequest(table, key, column, modelName, architecture, threshold, training, tuning, Incremental);
    }

    private static int Positive(int value, string option) => InRange(value, 1, int.MaxValue, option);

    private static int InRange(int value, int minimum, int maximum, string option)
    {
        if (value >= minimum && value <= maximum)
        {
            return value;
        }

        var expected = maximum == int.MaxValue
            ? $"a whole number of at least {minimum:N0}"
            : $"a whole number from {minimum:N0} to {maximum:N0}";
        throw InvalidInputException.InvalidOption(option, value.ToString(), expected);
    }

    private static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidInputException($"Missing required option {option}.") : value;
}
