using System.ComponentModel;
using SeqAnomaly.Cli.Commands;
using SeqAnomaly.Core;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Options of <c>seqanomaly request</c>.</summary>
public sealed class RequestSettings : DatabaseSettings
{
    [CommandOption("--table <TABLE>")]
    [Description("Source table, optionally schema-qualified.")]
    public string? Table { get; init; }

    [CommandOption("--key <COLUMN>")]
    [Description("Column that identifies each row; its values must be unique.")]
    public string? Key { get; init; }

    [CommandOption("--column <COLUMN>")]
    [Description("Column whose values are scanned.")]
    public string? Column { get; init; }

    [CommandOption("--options <JSON>")]
    [Description("JSON object with any of modelName, architecture, threshold, epochs, seed, retrain.")]
    public string? Options { get; init; }

    /// <summary>Returns the value of a required option; raises <see cref="InvalidInputException"/> when it is missing.</summary>
    public static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidInputException($"Missing required option {option}.") : value;
}
