namespace SeqAnomaly.Core;

/// <summary>
/// Bad input from a user: an option, a name or a value that cannot be used. Raised before anything is
/// written, so the command line maps it to exit code 2.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string message)
        : base(message)
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error for an option whose value is outside what it accepts.</summary>
    public static InvalidInputException InvalidOption(string option, string value, string expected) =>
        new($"Invalid value '{value}' for {option}: expected {expected}.");
}
