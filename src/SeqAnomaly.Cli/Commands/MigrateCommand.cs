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
        var applied = store.Migrate(message => console.MarkupLineInterpolated($"[grey]{message}[/]"));
        console.MarkupLineInterpolated(
            $"{applied.Count} migration(s) applied to the {store.Provider.Name} database; it is up to date.");
        return ExitCodes.Success;
    }
}
