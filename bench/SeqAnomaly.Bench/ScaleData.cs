using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace SeqAnomaly.Bench;

/// <summary>
/// Generated serials for the scale benchmark: <c>LLL-DDDDDDDDDD</c>, where the digits are the row id times a
/// constant modulo a prime, so every id below that prime gets a different value.
/// </summary>
public static class ScaleData
{
    private const long Prime = 1_000_000_007;

    /// <summary>Returns the serial of row <paramref name="id"/>; <paramref name="distinct"/> limits the number of different values.</summary>
    public static string Serial(long id, long distinct)
    {
        var n = id % distinct;
        var digits = n * 2_654_435_761L % Prime;
        Span<char> letters = [(char)('A' + (n % 26)), (char)('A' + (n / 26 % 26)), (char)('A' + (n / 676 % 26))];
        return $"{letters}-{digits:D10}";
    }

    /// <summary>Creates <paramref name="table"/> with <paramref name="rows"/> rows unless it already has them; returns seconds spent.</summary>
    public static async Task<double> EnsureTableAsync(string engine, string connectionString, string table, long rows, long distinct)
    {
        var clock = Stopwatch.StartNew();
        if (engine == "sqlite")
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            if (await CountAsync(connection, table, $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}'") == rows)
            {
                return 0;
            }

            await connection.ExecuteAsync($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (Id INTEGER PRIMARY KEY, Serial TEXT NOT NULL);");
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {table} (Id, Serial) VALUES ($id, $serial)";
            var id = insert.CreateParameter();
            id.ParameterName = "$id";
            var serial = insert.CreateParameter();
            serial.ParameterName = "$serial";
            insert.Parameters.Add(id);
            insert.Parameters.Add(serial);
            insert.Prepare();
            for (long i = 1; i <= rows; i++)
            {
                id.Value = i;
                serial.Value = Serial(i, distinct);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            if (await CountAsync(connection, table, $"SELECT COUNT(*) FROM pg_tables WHERE tablename = '{table}'") == rows)
            {
                return 0;
            }

            await connection.ExecuteAsync($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id bigint PRIMARY KEY, serial text NOT NULL);");
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table} (id, serial) FROM STDIN (FORMAT BINARY)"))
            {
                for (long i = 1; i <= rows; i++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(i, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(Serial(i, distinct), NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            await connection.ExecuteAsync($"ANALYZE {table}");
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table, string existsQuery)
    {
        if (await connection.ExecuteScalarAsync<long>(existsQuery) == 0)
        {
            return -1;
        }

        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
