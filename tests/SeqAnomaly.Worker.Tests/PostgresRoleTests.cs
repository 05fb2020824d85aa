using Dapper;
using Npgsql;
using SeqAnomaly.Data.Tests;

namespace SeqAnomaly.Worker.Tests;

public sealed class PostgresRoleTests
{
    private static readonly string[] Views = ["AnomalousSequences", "ScanSummary", "LatestScores", "ScanQueue", "ModelHistory"];

    [Fact]
    public async Task ReaderRole_ViewsOnly_TablesAndRequestScanDenied()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("postgres");
        await SourceTables.CreateAsync(database, "Parts", rows: 5);
        await Requests.RequestAsync(database, "Parts", """{"epochs": 1}""");
        await database.ExecuteAsync(await File.ReadAllTextAsync(RepositoryFile("sql/roles.postgres.sql")));
        var login = $"reader_{Guid.NewGuid():N}";
        var password = Guid.NewGuid().ToString("N");
        await database.ExecuteAsync($"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE anomaly_reader");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = login, Password = password, Pooling = false };
            await using var reader = new NpgsqlConnection(builder.ConnectionString);
            await reader.OpenAsync();

            foreach (var view in Views)
            {
                await reader.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM anomaly.{view}");
            }

            var queued = await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM anomaly.ScanQueue");
            var table = await Assert.ThrowsAsync<PostgresException>(() => reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM anomaly.ScanRequests"));
            var scores = await Assert.ThrowsAsync<PostgresException>(() => reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM anomaly.SequenceScores"));
            var source = await Assert.ThrowsAsync<PostgresException>(() => reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM public.Parts"));
            var request = await Assert.ThrowsAsync<PostgresException>(
                () => reader.ExecuteScalarAsync<long>("SELECT anomaly.RequestScan('Parts', 'Id', 'Serial')"));
            var inner = await Assert.ThrowsAsync<PostgresException>(
                () => reader.ExecuteScalarAsync<long>("SELECT anomaly.RequestScanInSearchPath('Parts', 'Id', 'Serial', NULL, ARRAY['public']::name[])"));
            var cancel = await Assert.ThrowsAsync<PostgresException>(() => reader.ExecuteAsync("SELECT anomaly.CancelScan(1)"));

            Assert.Equal(1, queued);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, table.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, scores.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, source.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, request.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, inner.SqlState);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, cancel.SqlState);
            Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM anomaly.ScanRequests"));
        }
        finally
        {
            await database.ExecuteAsync($"DROP OWNED BY {login}; DROP ROLE {login}");
        }
    }

    [Fact]
    public async Task RequesterRole_NoTableRights_RequestsAndCancels()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("postgres");
        await SourceTables.CreateAsync(database, "Parts", rows: 5);
        await database.ExecuteAsync(await File.ReadAllTextAsync(RepositoryFile("sql/roles.postgres.sql")));
        var login = $"requester_{Guid.NewGuid():N}";
        var password = Guid.NewGuid().ToString("N");
        await database.ExecuteAsync($"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE anomaly_requester");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = login, Password = password, Pooling = false };
            await using var requester = new NpgsqlConnection(builder.ConnectionString);
            await requester.OpenAsync();

            var id = await requester.ExecuteScalarAsync<long>("SELECT anomaly.RequestScan('Parts', 'Id', 'Serial', '{\"epochs\": 1}')");
            await requester.ExecuteAsync("SELECT anomaly.CancelScan(@id)", new { id });
            var read = await Assert.ThrowsAsync<PostgresException>(() => requester.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM anomaly.ScanQueue"));

            var row = Assert.Single(await database.QueryAsync<(string Status, string RequestedBy)>(
                "SELECT Status, RequestedBy FROM anomaly.ScanRequests WHERE RequestId = @id", new { id }));
            Assert.Equal("Cancelled", row.Status);
            Assert.Equal(login, row.RequestedBy);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, read.SqlState);
        }
        finally
        {
            await database.ExecuteAsync($"DROP OWNED BY {login}; DROP ROLE {login}");
        }
    }

    /// <summary>Path of a file of this repository, found from the test's output folder.</summary>
    internal static string RepositoryFile(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SeqAnomaly.Db.sln")))
            {
                return Path.Combine(folder.FullName, relativePath);
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains SeqAnomaly.Db.sln.");
    }
}
