using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SeqAnomaly.Data.Tests;

/// <summary>A new, empty database for one test, removed when the test ends.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>Environment variable with a PostgreSQL superuser connection string; build/test.sh sets it.</summary>
    public const string PostgresVariable = "SEQANOMALY_TEST_POSTGRES";

    /// <summary>Engine names for <c>[MemberData]</c>: every store test runs once on each.</summary>
    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    protected TestDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Store = new AnomalyStore(provider, connectionString);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public AnomalyStore Store { get; }

    public bool IsPostgres => Provider is PostgresProvider;

    /// <summary>Creates an empty database on the named engine.</summary>
    public static async Task<TestDatabase> CreateAsync(string engine) => engine switch
    {
        "sqlite" => SqliteTestDatabase.Create(),
        "postgres" => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Expected sqlite or postgres."),
    };

    /// <summary>Creates an empty database and applies the product's migrations.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(string engine)
    {
        var database = await CreateAsync(engine);
        database.Store.Migrate(_ => { });
        return database;
    }

    public async Task<DbConnection> OpenAsync()
    {
        var connection = Provider.CreateConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException(sql);
    }

    /// <summary>Name of a product object as written in SQL on this engine.</summary>
    public string Object(string name) => Provider.ObjectName(name);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteTestDatabase(string path)
        : TestDatabase(new SqliteProvider(), new SqliteConnectionStringBuilder { DataSource = path }.ToString())
    {
        public static SqliteTestDatabase Create() =>
            new(Path.Combine(Path.GetTempPath(), $"seqanomaly-test-{Guid.NewGuid():N}.db"));

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            File.Delete(path);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresTestDatabase(string adminConnectionString, string name, string connectionString)
        : TestDatabase(new PostgresProvider(), connectionString)
    {
        public static async Task<PostgresTestDatabase> CreateAsync()
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set, so the PostgreSQL cases cannot run. Run the README's test command, " +
                    "'bash build/test.sh', which starts a PostgreSQL server and sets it.");
            }

            var name = $"seqanomaly_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await connection.ExecuteAsync($"CREATE DATABASE {name}");
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            return new PostgresTestDatabase(admin, name, builder.ConnectionString);
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }
}
