using System.Globalization;
using DbUp.Builder;
using DbUp.Engine.Output;

namespace SeqAnomaly.Data;

/// <summary>
/// Runs the DbUp scripts embedded from one folder of <c>migrations/</c>, one transaction per script, or one
/// transaction for the whole run where the engine serialises migrations that way.
/// </summary>
internal static class MigrationRunner
{
    /// <summary>Prefix of every embedded migration's resource name; the folder and file name follow it.</summary>
    public const string ResourcePrefix = "SeqAnomaly.Migrations.";

    /// <summary>
    /// Applies the scripts of <paramref name="folder"/> that the journal does not list yet, in name order.
    /// </summary>
    /// <param name="builder">Engine builder for the target database, with its journal set.</param>
    /// <param name="folder">Folder under <c>migrations/</c>, such as <c>postgres</c>.</param>
    /// <param name="log">Receives DbUp's progress messages.</param>
    /// <param name="singleTransaction">
    /// Run the journal check and every script in one transaction, so that a failure rolls back the whole run.
    /// </param>
    /// <returns>Resource names of the scripts applied by this run.</returns>
    /// <exception cref="InvalidOperationException">
    /// A script failed. It was rolled back, and the scripts after it did not run.
    /// </exception>
    public static IReadOnlyList<string> Run(
        UpgradeEngineBuilder builder, string folder, Action<string> log, bool singleTransaction = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(log);
        var prefix = $"{ResourcePrefix}{folder}.";
        builder = builder.WithScriptsEmbeddedInAssembly(
            typeof(MigrationRunner).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal));
        var engine = (singleTransaction ? builder.WithTransaction() : builder.WithTransactionPerScript())
            // PostgreSQL function bodies use $ and $$, which DbUp would otherwise read as variables.
            .WithVariablesDisabled()
            .LogTo(new ActionUpgradeLog(log))
            .Build();

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            var script = result.ErrorScript?.Name ?? "(none)";
            throw new InvalidOperationException(
                $"Migration script '{script}' failed and was rolled back: {result.Error?.Message}", result.Error);
        }

        return result.Scripts.Select(s => s.Name).ToList();
    }

    /// <summary>Forwards DbUp's messages, which use <c>{0}</c> placeholders, to a callback as formatted text.</summary>
    private sealed class ActionUpgradeLog(Action<string> log) : IUpgradeLog
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
}
