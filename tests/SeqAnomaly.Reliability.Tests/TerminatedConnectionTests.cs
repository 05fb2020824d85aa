using Dapper;
using Npgsql;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Data;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>
/// The server ends the product's sessions (<c>pg_terminate_backend</c>) during one step of a scan: the scan fails
/// with the server's message, the previous results stay visible, nothing partial appears, and a retry succeeds.
/// </summary>
public sealed class TerminatedConnectionTests
{
    // The read step reports progress every 100,000 rows, so the table must be longer for the termination to land
    // while rows are still streaming. Long keys make the rows left after it far larger than the socket buffers.
    private const int ReadingRows = 200_000;

    // The server's own message, or the product's where the driver reports only a failed socket write.
    // NOTE: while rows stream in, Npgsql sometimes reads the closed socket before the server's message and reports
    // only "Exception while reading from stream"; the read path does not yet reword that.
    private const string ExpectedError =
        "terminating connection due to administrator command|connection to PostgreSQL was lost while the scan's scores"
        + "|^Exception while reading from stream";

    [Theory]
    [InlineData(ScanStage.Reading)]
    [InlineData(ScanStage.Training)]
    [InlineData(ScanStage.Scoring)]
    [InlineData(ScanStage.Writing)]
    public async Task Scan_SessionTerminatedDuringStage_FailsAndKeepsPreviousResults(ScanStage stage)
    {
        await using var database = await TestDatabase.CreateMigratedAsync("postgres");
        await CreateSourceAsync(database, stage == ScanStage.Reading ? ReadingRows : 300);
        var runner = new ScanRunner(database.Store);
        var request = Scans.Request("Parts");
        var first = await runner.RunAsync(request);
        var before = await VisibleResultsAsync(database);
        var terminated = 0;
        var progress = new Scans.Callback(report =>
        {
            if (report.Stage == stage && terminated == 0)
            {
                terminated = TerminateProductSessions(database);
            }
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync(request, progress));
        var after = await VisibleResultsAsync(database);
        var scans = await QueryAsync<(long ScanId, string Status, string? ErrorMessage)>(
            database, "SELECT ScanId, Status, ErrorMessage FROM anomaly.Scans ORDER BY ScanId");
        var retried = await runner.RunAsync(request);

        Assert.True(terminated > 0, "No session of the product was found to terminate.");
        Assert.Matches(ExpectedError, AllMessages(error));
        Assert.Equal(before, after);
        Assert.Equal(first.ScanId, scans[0].ScanId);
        Assert.DoesNotContain(scans, scan => scan.Status == "Running");
        if (stage == ScanStage.Reading)
        {
            // The read step runs before the scan row exists, so a failed read leaves no trace at all.
            Assert.Single(scans);
        }
        else
        {
            Assert.Equal(2, scans.Count);
            Assert.Equal("Failed", scans[1].Status);
            Assert.Matches(ExpectedError, scans[1].ErrorMessage);
        }

        Assert.Equal(0, await ScalarAsync<long>(
            database, "SELECT COUNT(*) FROM anomaly.SequenceScores s JOIN anomaly.Scans c USING (ScanId) WHERE c.Status <> 'Succeeded'"));
        Assert.Equal(retried.ScanId, (await VisibleResultsAsync(database)).ScanId);
    }

    private static async Task CreateSourceAsync(TestDatabase database, int rows)
    {
        await database.ExecuteAsync(
            """
            CREATE TABLE Parts (Id text NOT NULL PRIMARY KEY, Serial text NULL);
            INSERT INTO Parts (Id, Serial)
            SELECT lpad(i::text, 150, '0'), 'AB' || (i % 10) || chr(81 + i % 5) FROM generate_series(1, @Rows) AS i;
            INSERT INTO Parts (Id, Serial) VALUES ('planted', 'ZZZZZZZZZZZZ##');
            """,
            new { Rows = rows });
    }

    /// <summary>Ends every session of the product in the test's database, waiting until each has gone.</summary>
    private static int TerminateProductSessions(TestDatabase database)
    {
        using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        admin.Open();
        return admin.ExecuteScalar<int>(
            """
            SELECT COUNT(*) FROM (
                SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity
                WHERE application_name = @ApplicationName AND datname = @Database) AS terminated
            """,
            new { PostgresProvider.ApplicationName, Database = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database });
    }

    private static async Task<(long? ScanId, string Rows)> VisibleResultsAsync(TestDatabase database)
    {
        var rows = await QueryAsync<(long ScanId, string RowKey, double Score)>(
            database, "SELECT ScanId, RowKey, Score FROM anomaly.AnomalousSequences ORDER BY RowKey");
        return (rows.Select(r => (long?)r.ScanId).Distinct().SingleOrDefault(), string.Join(";", rows.Select(r => r.RowKey)));
    }

    // The test's own queries use a connection string without the product's application name, so that the
    // terminations never reach them.
    private static async Task<List<T>> QueryAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return (await connection.QueryAsync<T>(sql)).ToList();
    }

    private static async Task<T> ScalarAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static string AllMessages(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + AllMessages(error.InnerException);
}
