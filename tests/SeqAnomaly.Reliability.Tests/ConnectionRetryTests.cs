using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using SeqAnomaly.Data;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>
/// Opening a connection while the server is unreachable: a port on 127.0.0.1 that refuses connections until the
/// first retry, then forwards to the test server, simulates a PostgreSQL server that is restarting.
/// </summary>
public sealed class ConnectionRetryTests
{
    private static readonly ConnectionRetry Fast = new(4, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(80));

    [Fact]
    public async Task OpenConnection_ServerAcceptsAfterFirstFailure_RetriesAndConnects()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var proxy = new DelayedProxy(new NpgsqlConnectionStringBuilder(database.ConnectionString).Port);
        var failures = new List<Exception>();
        var provider = new PostgresProvider { OpenRetry = Fast with { Retrying = (_, error) => { failures.Add(error); proxy.Start(); } } };

        await using var connection = await provider.OpenConnectionAsync(proxy.ConnectionString(database), CancellationToken.None);
        var answer = await connection.ExecuteScalarAsync<int>("SELECT 1");

        Assert.Equal(1, answer);
        var failure = Assert.Single(failures);
        Assert.True(failure is NpgsqlException { IsTransient: true }, failure.ToString());
    }

    [Fact]
    public async Task OpenConnection_ServerNeverAccepts_StopsAfterMaxAttempts()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var proxy = new DelayedProxy(new NpgsqlConnectionStringBuilder(database.ConnectionString).Port);
        var attempts = new List<int>();
        var provider = new PostgresProvider { OpenRetry = Fast with { Retrying = (attempt, _) => attempts.Add(attempt) } };

        var error = await Assert.ThrowsAsync<NpgsqlException>(
            () => provider.OpenConnectionAsync(proxy.ConnectionString(database), CancellationToken.None));

        Assert.Equal([1, 2, 3], attempts);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task OpenConnection_WrongPassword_IsNotRetried()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        var attempts = 0;
        var provider = new PostgresProvider { OpenRetry = Fast with { Retrying = (_, _) => attempts++ } };
        var wrong = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "not-the-password" };

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => provider.OpenConnectionAsync(wrong.ConnectionString, CancellationToken.None));

        Assert.Equal("28P01", error.SqlState);
        Assert.Equal(0, attempts);
    }

    [Fact]
    public void DelayAfter_Attempts_DoubleUpToTheMaximum()
    {
        var retry = ConnectionRetry.Default;

        var delays = Enumerable.Range(1, 6).Select(retry.DelayAfter).Select(d => d.TotalMilliseconds);

        Assert.Equal([250, 500, 1000, 2000, 2000, 2000], delays);
        Assert.Equal(5, retry.MaxAttempts);
    }

    [Fact]
    public void CreateConnection_SqlServer_RetriesOpeningWithExponentialBackoff()
    {
        var provider = new SqlServerProvider();

        using var connection = (SqlConnection)provider.CreateConnection("Server=127.0.0.1;Database=parts;Integrated Security=true");

        Assert.NotNull(connection.RetryLogicProvider);
        Assert.Equal(5, connection.RetryLogicProvider.RetryLogic.NumberOfTries);
        Assert.Equal(SqlServerProvider.ApplicationName, new SqlConnectionStringBuilder(connection.ConnectionString).ApplicationName);
    }

    [Fact]
    public void CreateConnection_ApplicationNameGiven_KeepsIt()
    {
        using var postgres = new PostgresProvider().CreateConnection("Host=127.0.0.1;Application Name=nightly");
        using var sqlServer = new SqlServerProvider().CreateConnection("Server=127.0.0.1;Application Name=nightly");

        Assert.Equal("nightly", new NpgsqlConnectionStringBuilder(postgres.ConnectionString).ApplicationName);
        Assert.Equal("nightly", new SqlConnectionStringBuilder(sqlServer.ConnectionString).ApplicationName);
    }

    /// <summary>A port on 127.0.0.1 that refuses connections until <see cref="Start"/>, then forwards them to the server.</summary>
    private sealed class DelayedProxy(int serverPort) : IAsyncDisposable
    {
        private readonly int _port = FreePort();
        private readonly CancellationTokenSource _stop = new();
        private TcpListener? _listener;

        public string ConnectionString(TestDatabase database) =>
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = _port, Pooling = false }.ConnectionString;

        public void Start()
        {
            if (_listener is not null)
            {
                return;
            }

            _listener = new TcpListener(IPAddress.Loopback, _port);
            _listener.Start();
            _ = AcceptAsync(_listener);
        }

        private async Task AcceptAsync(TcpListener listener)
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, serverPort, _stop.Token);
                _ = PipeAsync(client, server);
                _ = PipeAsync(server, client);
            }
        }

        private async Task PipeAsync(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
            }
            catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                to.Close();
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener?.Stop();
            _stop.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
