using Dapper;
using SeqAnomaly.Data.Tests;

namespace SeqAnomaly.Worker.Tests;

/// <summary>Source tables for worker tests: serials of one format with a planted value that breaks it.</summary>
internal static class SourceTables
{
    /// <summary>A value far longer than the others, so that any trained model scores it worst.</summary>
    public const string Planted = "ZZZZZZZZZZZZZZZZ##";

    /// <summary>Creates <paramref name="table"/> (Id, Serial) with <paramref name="rows"/> serials such as AB3Q and, under key 0, <see cref="Planted"/>.</summary>
    public static async Task CreateAsync(TestDatabase database, string table, int rows)
    {
        await database.ExecuteAsync($"CREATE TABLE {table} (Id integer NOT NULL PRIMARY KEY, Serial varchar(40) NULL)");
        var values = Enumerable.Range(1, rows)
            .Select(i => new { Id = i, Serial = $"AB{i % 10}{(char)('Q' + (i % 5))}" })
            .Prepend(new { Id = 0, Serial = Planted });
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync($"INSERT INTO {table} (Id, Serial) VALUES (@Id, @Serial)", values, transaction);
        await transaction.CommitAsync();
    }
}
