using System.Data;
using Dapper;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests;

public sealed class SqlServerParametersTests
{
    [Fact]
    public void Describe_DateTimeProperties_SendAsDateTime2()
    {
        var startedAt = new DateTime(2025, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        DateTime? finishedAt = null;

        var parameters = SqlServerParameters.Describe(new { Status = "Running", StartedAt = startedAt, FinishedAt = finishedAt });

        Assert.Equal([("Status", "Running", null), ("StartedAt", startedAt, DbType.DateTime2), ("FinishedAt", null, DbType.DateTime2)], parameters);
    }

    [Fact]
    public void Describe_Dictionary_SendsDateTime2()
    {
        var startedAt = new DateTime(2025, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        var values = new Dictionary<string, object?> { ["StartedAt"] = startedAt, ["RowsRead"] = 3L };

        var parameters = SqlServerParameters.Describe(values);

        Assert.Equal([("StartedAt", startedAt, DbType.DateTime2), ("RowsRead", 3L, null)], parameters);
    }

    [Fact]
    public void Describe_NullByteArray_SendsBinary()
    {
        byte[]? portableModel = null;

        var parameters = SqlServerParameters.Describe(new { Weights = new byte[] { 1, 2 }, PortableModel = portableModel });

        Assert.Equal(DbType.Binary, parameters[0].Type);
        Assert.Equal(("PortableModel", null, DbType.Binary), parameters[1]);
    }

    [Fact]
    public void From_DynamicParameters_PassesThrough()
    {
        var parameters = new DynamicParameters();

        Assert.Same(parameters, SqlServerParameters.From(parameters));
    }
}
