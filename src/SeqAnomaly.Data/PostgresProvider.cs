using System.Data.Common;

namespace SeqAnomaly.Data;

/// <summary>Placeholder until the engine's provider is written.</summary>
public sealed class PostgresProvider : DatabaseProvider
{
    public override string Name => throw new NotImplementedException();

    public override DbConnection CreateConnection(string connectionString) => throw new NotImplementedException();

    public override string QuoteIdentifier(string identifier) => throw new NotImplementedException();

    public override string ObjectName(string name) => throw new NotImplementedException();

    public override string TextOf(string quotedColumn) => throw new NotImplementedException();

    public override IReadOnlyList<string> Migrate(string connectionString, Action<string> log) =>
        throw new NotImplementedException();

    public override Task<SourceColumn> ResolveSourceAsync(
        DbConnection connection, string table, string keyColumn, string valueColumn, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public override Task<long> InsertReturningIdAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        string idColumn,
        IReadOnlyList<string> columns,
        object parameters,
        CancellationToken cancellationToken) => throw new NotImplementedException();

    public override Task WriteScoresAsync(
        DbConnection connection,
        DbTransaction transaction,
        long scanId,
        IEnumerable<ScoreRow> scores,
        CancellationToken cancellationToken) => throw new NotImplementedException();
}
