namespace SeqAnomaly.Data;

/// <summary>
/// The product's reads and writes for one database: migrations, the source-column check, streaming
/// reads, and the scan's lifecycle. Shared by every provider; engine differences go through
/// <see cref="DatabaseProvider"/>.
/// </summary>
public sealed class AnomalyStore(DatabaseProvider provider, string connectionString)
{
    /// <summary>The engine this store talks to.</summary>
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>Connection string of the database; never shown in messages or logs.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Applies pending migrations; running it again applies nothing.</summary>
    public IReadOnlyList<string> Migrate(Action<string> log) => throw new NotImplementedException(ConnectionString);

    /// <summary>Checks the source table and columns against the catalog and that the key column is unique.</summary>
    public Task<SourceColumn> ResolveSourceAsync(
        string table, string keyColumn, string valueColumn, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Streams (key, value) pairs in text form, without buffering the table.</summary>
    public IAsyncEnumerable<SourceRow> ReadAsync(SourceColumn source, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Inserts a Running scan, committed at once so that it shows as running; returns its id.</summary>
    public Task<long> StartScanAsync(SourceColumn source, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// In one transaction: inserts the model (next version for its name) and its training history,
    /// bulk-writes the scores, and marks the scan Succeeded with its counts. Returns the model id.
    /// </summary>
    public Task<long> CompleteScanAsync(
        long scanId,
        ModelRow model,
        IReadOnlyList<EpochRow> history,
        IEnumerable<ScoreRow> scores,
        ScanCounts counts,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Marks a scan Failed with its error message; its scores, if any, were never committed.</summary>
    public Task FailScanAsync(long scanId, string error, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Returns the latest version of the model named <paramref name="name"/>, or null.</summary>
    public Task<StoredModel?> FindModelAsync(string name, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
