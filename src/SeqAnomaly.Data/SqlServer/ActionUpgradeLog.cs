using System.Globalization;
using DbUp.Engine.Output;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>
/// Forwards DbUp's information, warning and error messages to a callback as formatted lines;
/// trace and debug messages are dropped.
/// </summary>
internal sealed class ActionUpgradeLog(Action<string> log) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args)
    {
    }

    public void LogDebug(string format, params object[] args)
    {
    }

    public void LogInformation(string format, params object[] args) => log(Format(format, args));

    public void LogWarning(string format, params object[] args) => log("Warning: " + Format(format, args));

    public void LogError(string format, params object[] args) => log("Error: " + Format(format, args));

    public void LogError(Exception ex, string format, params object[] args) =>
        log($"Error: {Format(format, args)} {ex.Message}");

    private static string Format(string format, object[] args) =>
        args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
}
