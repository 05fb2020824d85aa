using System.Data.Common;
using SeqAnomaly.Data;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests.Recording;

/// <summary>
/// The SQL Server provider over <see cref="RecordingConnection"/>: its SQL is SQL Server's, but the
/// catalog lookup returns a fixed source and the bulk write records its statements instead of copying.
/// </summary>
internal sealed class RecordingSqlServerProvider : DatabaseProvider
{
    private readonly SqlServerProvider _inner = new();

    public RecordingConnection Connection { get; } = new();

    public override string Name => _inner.Name;

    public override DbConnection CreateConnection(string connectionString) => Connection;

    public override string QuoteIdentifier(string identifier) => _inner.QuoteIdentifier(identifier);

    public override string ObjectName(string name) => _inner.ObjectName(name);

    public override string TextOf(string quotedColumn) => _inner.TextOf(quotedColumn);

    public override string LimitRows(string orderedQuery, int rows) => _inner.LimitRows(orderedQuery, rows);

    public override object TimestampValue(DateTime utc) => _inner.TimestampValue(utc);

    public override IReadOnlyList<string> Migrate(string connectionString, Action<string> log) => throw new NotSupportedException();

    public override Task<SourceColumn> ResolveSourceAsync(
        DbConnection connection, string table, string keyColumn, string valueColumn, CancellationToken cancellationToken) =>
        Task.FromResult(new SourceColumn(
            "Sales", "Parts", "PartId", "Serial", "[Sales].[Parts]", QuoteIdentifier("PartId"), QuoteIdentifier("Serial")));

    public override Task<long> InsertReturningIdAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string table,
        string idColumn,
        IReadOnlyList<string> columns,
        object parameters,
        CancellationToken cancellationToken) =>
        _inner.InsertReturningIdAsync(connection, transaction, table, idColumn, columns, parameters, cancellationToken);

    public override Task WriteScoresAsync(
        DbConnection connection, DbTransaction transaction, long scanId, IEnumerable<ScoreRow> scores, CancellationToken cancellationToken)
    {
        Connection.Statements.Add(SqlServerStatements.CreateScoreStaging);
        Connection.Statements.Add(SqlServerStatements.InsertScoresFromStaging);
        Connection.Statements.Add(SqlServerStatements.DropScoreStaging);
        return Task.CompletedTask;
    }
}
