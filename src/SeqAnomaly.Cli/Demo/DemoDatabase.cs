using Dapper;
using Microsoft.Data.Sqlite;
using SeqAnomaly.Core;

namespace SeqAnomaly.Cli.Demo;

/// <summary>
/// The demo's SQLite file: a table <c>Parts(Id, Serial)</c> of 25,000 serials of the form
/// [4 letters A-F][digit 0-2][3 letters from QWOPZXML] and five planted values that break it.
/// The file carries its own SQLite application id, so the demo never overwrites a file it did not create.
/// </summary>
public static class DemoDatabase
{
    /// <summary>SQLite <c>application_id</c> of demo files: "SQAD" in ASCII.</summary>
    public const int ApplicationId = 0x53514144;

    /// <summary>Number of well-formed serials.</summary>
    public const int NormalCount = 25_000;

    /// <summary>The planted anomalies.</summary>
    public static IReadOnlyList<string> Planted { get; } = ["XYDC2DCA", "TXSX1ABC", "RNIU4XRE", "AABDXUEI", "SDRAC5RF"];

    /// <summary>Creates the demo file at <paramref name="path"/>, replacing an earlier demo file but nothing else.</summary>
    /// <exception cref="InvalidInputException">A file that the demo did not create is at <paramref name="path"/>.</exception>
    public static string Create(string path, int seed)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            if (!IsDemoFile(fullPath))
            {
                throw new InvalidInputException(
                    $"'{path}' exists and was not created by the demo; choose another file with --db.");
            }

            SqliteConnection.ClearAllPools();
            File.Delete(fullPath);
        }

        var connectionString = ConnectionString(fullPath, SqliteOpenMode.ReadWriteCreate);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.Execute($"PRAGMA application_id = {ApplicationId};");
        connection.Execute("CREATE TABLE Parts (Id INTEGER PRIMARY KEY, Serial TEXT NOT NULL);");
        using var transaction = connection.BeginTransaction();
        var rows = GenerateSerials(seed).Select((serial, i) => new { Id = i + 1, Serial = serial });
        connection.Execute("INSERT INTO Parts (Id, Serial) VALUES (@Id, @Serial);", rows, transaction);
        transaction.Commit();
        return connectionString;
    }

    /// <summary>The 25,000 serials and the planted values, shuffled by <paramref name="seed"/>.</summary>
    public static List<string> GenerateSerials(int seed)
    {
        var random = new Random(seed);
        var serials = new List<string>(NormalCount + Planted.Count);
        Span<char> serial = stackalloc char[8];
        for (var i = 0; i < NormalCount; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                serial[j] = "ABCDEF"[random.Next(6)];
            }

            serial[4] = "012"[random.Next(3)];
            for (var j = 5; j < 8; j++)
            {
                serial[j] = "QWOPZXML"[random.Next(8)];
            }

            serials.Add(new string(serial));
        }

        serials.AddRange(Planted);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(serials));
        return serials;
    }

    private static bool IsDemoFile(string path)
    {
        try
        {
            using var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadOnly));
            connection.Open();
            return connection.ExecuteScalar<long>("PRAGMA application_id;") == ApplicationId;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}
