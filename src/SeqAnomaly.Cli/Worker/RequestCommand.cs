using System.Globalization;
using SeqAnomaly.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Worker;

/// <summary>
/// Queues a scan request: through <c>anomaly.RequestScan</c> on the servers, and on SQLite, which has no procedures,
/// by the same checks and an insert. On SQLite it first applies pending migrations.
/// </summary>
public sealed class RequestCommand(IAnsiConsole console) : AsyncCommand<RequestSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, RequestSettings settings, CancellationToken cancellationToken)
    {
        var table = RequestSettings.Required(settings.Table, "--table");
        var key = RequestSettings.Required(settings.Key, "--key");
        var column = RequestSettings.Required(settings.Column, "--column");
        var store = settings.OpenStore();
        if (store.Provider is SqliteProvider)
        {
            store.Migrate(_ => { });
        }

        var queue = store.Provider.CreateScanQueue(store.ConnectionString);
        var requestId = await queue.RequestScanAsync(table, key, column, settings.Options, cancellationToken);
        console.WriteLine($"Queued scan request {requestId.ToString(CultureInfo.InvariantCulture)}.");
        return ExitCodes.Success;
    }
}
