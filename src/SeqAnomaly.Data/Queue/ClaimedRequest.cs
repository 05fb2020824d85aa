namespace SeqAnomaly.Data.Queue;

/// <summary>A scan request that a worker has just claimed.</summary>
/// <param name="RequestId">Id of the request.</param>
/// <param name="SourceTable">Table as stored by the request: schema-qualified and quoted where needed.</param>
/// <param name="KeyColumn">Key column, quoted where needed.</param>
/// <param name="ValueColumn">Value column, quoted where needed.</param>
/// <param name="Options">The request's options as a JSON object.</param>
/// <param name="Attempts">Claims of this request so far, this one included.</param>
/// <param name="RequestedBy">Login that queued the request.</param>
public sealed record ClaimedRequest(
    long RequestId,
    string SourceTable,
    string KeyColumn,
    string ValueColumn,
    string Options,
    int Attempts,
    string RequestedBy);
