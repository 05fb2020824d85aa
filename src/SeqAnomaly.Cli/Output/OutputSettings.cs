using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Output;

/// <summary>Options every command has that choose how much it prints.</summary>
public class OutputSettings : CommandSettings
{
    [CommandOption("-q|--quiet")]
    [Description("Print only results and errors: no progress, no summary.")]
    public bool Quiet { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Also print every training epoch and step details as log lines.")]
    public bool Verbose { get; init; }

    /// <summary>The verbosity these options select.</summary>
    public Verbosity Verbosity
    {
        get
        {
            if (Quiet)
            {
                return Verbosity.Quiet;
            }

            return Verbose ? Verbosity.Verbose : Verbosity.Normal;
        }
    }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Quiet && Verbose ? ValidationResult.Error("Options --quiet and --verbose cannot be combined.") : base.Validate();
}
