using Dapper;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>Odd and hostile column values: each gets a score, or the scan is rejected with a clear message.</summary>
public sealed class HostileValueTests
{
    /// <summary>Key, value written, and the value the scan reads back and scores.</summary>
    public static TheoryData<string, string, string> Corpus => new()
    {
        { "empty", "", "" },
        { "whitespace", "   \t ", "   \t " },
        { "zero-width", "AB1\u200BQ", "AB1\u200BQ" },
        { "combining", "AB1Q\u0301", "AB1Q\u0301" },
        { "emoji", "AB\U0001F600Q", "AB\U0001F600Q" },
        { "right-to-left", "\u05D0\u05D1\u05D2\u05D3", "\u05D0\u05D1\u05D2\u05D3" },
        { "control", "AB\u0001\u001B[0m\r\nQ", "AB\u0001\u001B[0m\r\nQ" },
        // The drivers encode text as UTF-8, which has no lone surrogates, so one arrives as U+FFFD.
        { "lone-surrogate", "AB\uD800Q", "AB\uFFFDQ" },
        { "sql-text", "'; DROP TABLE Parts; --", "'; DROP TABLE Parts; --" },
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Scan_HostileValues_EachIsScored(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        var corpus = Corpus.Select(row => ((string)row[0], (string)row[1], (string)row[2])).ToList();
        await database.ExecuteAsync("CREATE TABLE Parts (Id text NOT NULL PRIMARY KEY, Serial text NULL)");
        var normal = Enumerable.Range(1, 300).Select(i => new { Id = $"n{i}", Serial = $"AB{i % 10}{(char)('Q' + (i % 5))}" });
        var hostile = corpus
            .Where(row => !(database.IsPostgres && row.Item1 == "lone-surrogate"))
            .Select(row => new { Id = row.Item1, Serial = row.Item2 });
        await database.ExecuteAsync("INSERT INTO Parts (Id, Serial) VALUES (@Id, @Serial)", normal.Concat(hostile));
        await database.ExecuteAsync("INSERT INTO Parts (Id, Serial) VALUES ('null', NULL)");
        if (!database.IsPostgres)
        {
            // PostgreSQL text cannot contain NUL; SQLite text can.
            await database.ExecuteAsync("INSERT INTO Parts (Id, Serial) VALUES ('nul', 'AB' || char(0) || 'Q')");
        }

        var result = await new ScanRunner(database.Store).RunAsync(Scans.Request("Parts"));
        var scored = (await database.QueryAsync<(string RowKey, string? Value, double Score)>(
            $"SELECT RowKey, Value, Score FROM {database.Object("SequenceScores")} WHERE ScanId = @ScanId",
            new { result.ScanId })).ToDictionary(row => row.RowKey);

        Assert.Equal(1, result.Counts.NullsSkipped);
        Assert.DoesNotContain("null", scored.Keys);
        Assert.All(scored.Values, row => Assert.True(double.IsFinite(row.Score), $"{row.RowKey}: {row.Score}"));
        foreach (var (key, _, expected) in corpus.Where(row => scored.ContainsKey(row.Item1) || !database.IsPostgres))
        {
            Assert.Equal(expected, scored[key].Value);
        }

        if (!database.IsPostgres)
        {
            Assert.Equal("AB\0Q", scored["nul"].Value);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Scan_OneOrTwoRows_ScoresEachRow(int rows)
    {
        await using var database = await TestDatabase.CreateMigratedAsync("sqlite");
        await Scans.CreatePartsAsync(database, "Parts", rows);

        var result = await new ScanRunner(database.Store).RunAsync(Scans.Request("Parts"));

        Assert.Equal(rows, result.Counts.RowsScored);
        Assert.Equal(rows, await database.ScalarAsync<long>("SELECT COUNT(*) FROM SequenceScores"));
    }

    [Fact]
    public async Task Scan_EveryValueIdentical_FlagsNothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("sqlite");
        await database.ExecuteAsync("CREATE TABLE Parts (Id integer PRIMARY KEY, Serial text)");
        await database.ExecuteAsync("INSERT INTO Parts (Id, Serial) VALUES (@Id, 'AB1Q')", Enumerable.Range(1, 200).Select(i => new { Id = i }));

        var result = await new ScanRunner(database.Store).RunAsync(Scans.Request("Parts"));

        Assert.Equal(200, result.Counts.RowsScored);
        Assert.Equal(0, result.Counts.Outliers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Scan_EmptyOrAllNull_RejectedBeforeWriting(int nullRows)
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await database.ExecuteAsync("CREATE TABLE Parts (Id integer PRIMARY KEY, Serial text)");
        await database.ExecuteAsync("INSERT INTO Parts (Id, Serial) VALUES (@Id, NULL)", Enumerable.Range(1, nullRows).Select(i => new { Id = i }));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new ScanRunner(database.Store).RunAsync(Scans.Request("Parts")));

        Assert.Matches(nullRows == 0 ? "is empty" : "contains only NULL values", error.Message);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'Scans'"));
    }

    [Fact]
    public async Task Scan_OneMegabyteValueWithClassicModel_RejectedNamingMaxLength()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("sqlite");
        await Scans.CreatePartsAsync(database, "Parts", 300, new string('A', 1 << 20));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => new ScanRunner(database.Store).RunAsync(Scans.Request("Parts")));

        Assert.Contains("1,048,576 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("--max-length", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM Scans"));
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM Models"));
    }

    [Fact]
    public async Task Scan_TypedColumnsOnPostgres_ScoresTheirTextForm()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("postgres");
        await database.ExecuteAsync(
            """
            CREATE TABLE Typed (Id integer PRIMARY KEY, Amount numeric(10, 2), Day date, Token uuid, Code char(8));
            INSERT INTO Typed
            SELECT i, i * 1.5, DATE '2024-01-01' + i, ('00000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'AB' || (i % 10)
            FROM generate_series(1, 100) AS i;
            """);
        var runner = new ScanRunner(database.Store);
        var expected = new Dictionary<string, string>
        {
            ["Amount"] = "1.50",
            ["Day"] = "2024-01-02",
            ["Token"] = "00000000-0000-0000-0000-000000000001",
            // PostgreSQL's cast of char(n) to text drops the padding.
            ["Code"] = "AB1",
        };

        foreach (var (column, text) in expected)
        {
            var request = Scans.Request("Typed", column) with { ModelName = $"Typed.{column}" };
            var result = await runner.RunAsync(request);
            var value = await database.ScalarAsync<string>(
                "SELECT Value FROM anomaly.SequenceScores WHERE ScanId = @ScanId AND RowKey = '1'", new { result.ScanId });
            Assert.Equal(text, value);
        }
    }
}
