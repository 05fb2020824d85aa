namespace SeqAnomaly.Cli.Output;

/// <summary>How much a command prints besides its results.</summary>
public enum Verbosity
{
    /// <summary>Results and errors only.</summary>
    Quiet,

    /// <summary>Results, progress and a summary; a tenth of the training epochs as log lines.</summary>
    Normal,

    /// <summary>Everything in <see cref="Normal"/>, every training epoch, and details such as timings.</summary>
    Verbose,
}
