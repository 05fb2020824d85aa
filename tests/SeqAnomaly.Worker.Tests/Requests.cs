using SeqAnomaly.Data.Queue;
using SeqAnomaly.Data.Tests;

namespace SeqAnomaly.Worker.Tests;

/// <summary>Queues requests as a requester would: through anomaly.RequestScan on PostgreSQL, the CLI's checks on SQLite.</summary>
internal static class Requests
{
    public static ScanQueue Queue(TestDatabase database) => database.Provider.CreateScanQueue(database.ConnectionString);

    public static Task<long> RequestAsync(TestDatabase database, string table, string options) =>
        Queue(database).RequestScanAsync(table, "Id", "Serial", options);

    public static Task<List<RequestRow>> ReadAsync(TestDatabase database) =>
        database.QueryAsync<RequestRow>($"SELECT * FROM {database.Object("ScanQueue")} ORDER BY RequestId");
}

/// <summary>A row of the ScanQueue view.</summary>
internal sealed class RequestRow
{
    public long RequestId { get; set; }

    public string Status { get; set; } = "";

    public string SourceTable { get; set; } = "";

    public string KeyColumn { get; set; } = "";

    public string ValueColumn { get; set; } = "";

    public string Options { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public double AgeSeconds { get; set; }

    public string? ClaimedBy { get; set; }

    public long Attempts { get; set; }

    public long? ScanId { get; set; }

    public string? Error { get; set; }
}
