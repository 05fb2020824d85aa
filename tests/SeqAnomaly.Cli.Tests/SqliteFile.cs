using Dapper;
using Microsoft.Data.Sqlite;

namespace SeqAnomaly.Cli.Tests;

/// <summary>A SQLite database in a temporary file, deleted with its folder on dispose.</summary>
internal sealed class SqliteFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seqanomaly-cli-").FullName;

    public SqliteFile()
    {
        Path = System.IO.Path.Combine(_folder, "test.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public string Folder => _folder;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql, object? parameters = null)
    {
        using var connection = Open();
        connection.Execute(sql, parameters);
    }

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public bool TableExists(string name) =>
        Scalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = @name", new { name }) > 0;

    /// <summary>Creates <c>Parts(Id, Serial)</c> with well-formed serials and the given extra values.</summary>
    public void CreateParts(int count, params string?[] extra)
    {
        Execute("CREATE TABLE Parts (Id INTEGER PRIMARY KEY, Serial TEXT)");
        var random = new Random(11);
        var serials = Enumerable.Range(0, count)
            .Select(_ => (string?)$"{"ABCDEF"[random.Next(6)]}{"ABCDEF"[random.Next(6)]}{"012"[random.Next(3)]}{"QWOP"[random.Next(4)]}")
            .Concat(extra)
            .Select((serial, i) => new { Id = i + 1, Serial = serial });
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("INSERT INTO Parts (Id, Serial) VALUES (@Id, @Serial)", serials, transaction);
        transaction.Commit();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
