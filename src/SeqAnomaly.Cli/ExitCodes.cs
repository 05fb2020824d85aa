namespace SeqAnomaly.Cli;

/// <summary>Process exit codes of the <c>seqanomaly</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The command finished.</summary>
    public const int Success = 0;

    /// <summary>The command failed while running; a scan that had started is marked Failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or input; nothing was written.</summary>
    public const int InvalidInput = 2;

    /// <summary>Interrupted by Ctrl+C or SIGTERM.</summary>
    public const int Cancelled = 130;
}
