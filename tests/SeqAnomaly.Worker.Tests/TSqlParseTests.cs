using Microsoft.SqlServer.TransactSql.ScriptDom;
using SeqAnomaly.Data.Queue;

namespace SeqAnomaly.Worker.Tests;

/// <summary>
/// Parses the queue's T-SQL with SQL Server 2022's parser, since no SQL Server runs in these tests. Files named
/// <c>*.postgres.sql</c> are PostgreSQL and are skipped.
/// </summary>
public sealed class TSqlParseTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        var files = new[] { "0007", "0008", "0009", "0010", "0011", "0012", "0013" }
            .SelectMany(number => Directory.GetFiles(PostgresRoleTests.RepositoryFile("migrations/sqlserver"), number + "_*.sql"))
            .Concat(Directory.GetFiles(PostgresRoleTests.RepositoryFile("sql"), "*.sql"))
            .Where(path => !path.EndsWith(".postgres.sql", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_TSql160_ParsesWithoutErrors(string file)
    {
        var folder = char.IsDigit(file[0]) ? "migrations/sqlserver" : "sql";
        var text = File.ReadAllText(PostgresRoleTests.RepositoryFile(Path.Combine(folder, file)));

        var errors = Parse(text);

        Assert.Empty(errors);
    }

    [Fact]
    public void Script_Count_CoversQueueMigrationsAndSqlFolder()
    {
        Assert.Equal(7 + 2, Scripts().Count);
    }

    [Theory]
    [InlineData(nameof(SqlServerScanQueue.FailExpiredSql))]
    [InlineData(nameof(SqlServerScanQueue.ClaimSql))]
    public void ClaimStatement_TSql160_ParsesWithoutErrors(string name)
    {
        var text = name == nameof(SqlServerScanQueue.ClaimSql) ? SqlServerScanQueue.ClaimSql : SqlServerScanQueue.FailExpiredSql;

        var errors = Parse(text);

        Assert.Empty(errors);
    }

    private static List<string> Parse(string text)
    {
        using var reader = new StringReader(text);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }
}
