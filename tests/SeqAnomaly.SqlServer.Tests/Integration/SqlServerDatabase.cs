using Dapper;
using Microsoft.Data.SqlClient;

namespace SeqAnomaly.SqlServer.Tests.Integration;

/// <summary>
/// A fresh database on the server named by <c>SEQANOMALY_TEST_SQLSERVER</c>, created for one test class
/// and dropped after it. Without the variable it creates nothing, and the class's tests are skipped.
/// </summary>
public sealed class SqlServerDatabase : IAsyncLifetime
{
    private string? _masterConnectionString;
    private string? _name;

    /// <summary>Connection string of the fresh database.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = SqlServerFactAttribute.ConnectionString;
        if (string.IsNullOrWhiteSpace(server))
        {
            return;
        }

        _name = "SeqAnomalyTests_" + Guid.NewGuid().ToString("N")[..12];
        _masterConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString;
        ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = _name }.ConnectionString;

        await using var master = new SqlConnection(_masterConnectionString);
        await master.ExecuteAsync($"CREATE DATABASE [{_name}];");
    }

    public async Task DisposeAsync()
    {
        if (_name is null)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        await using var master = new SqlConnection(_masterConnectionString);
        await master.ExecuteAsync($"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}];");
    }

    /// <summary>Opens a connection to the fresh database.</summary>
    public async Task<SqlConnection> OpenAsync()
    {
        var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
