using SeqAnomaly.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Applies the provider's pending migrations.</summary>
public sealed class MigrateCommand(IAnsiConsole console) : Command<DatabaseSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var store = settings.OpenStore(createsDatabase: true);

        // The migrator's log is progress, so --quiet leaves only the result line.
        var applied = store.Migrate(message =>
        {
            if (settings.Verbosity != Verbosity.Quiet)
            {
                console.MarkupLineInterpolated($"[grey]{message}[/]");
            }
        });
        console.MarkupLineInterpolated(
            $"{applied.Count} migration(s) applied to the {store.Provider.Name} database; it is up to date.");
        return ExitCodes.Success;
    }
}
