namespace SeqAnomaly.SqlServer.Tests.Integration;

/// <summary>
/// A fact that runs only when <c>SEQANOMALY_TEST_SQLSERVER</c> contains a connection string, and is
/// reported as skipped, never as passed, when it does not.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    /// <summary>Environment variable with the connection string of a SQL Server the tests may create databases on.</summary>
    public const string Variable = "SEQANOMALY_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"set {Variable} to run against a live SQL Server";
        }
    }

    /// <summary>Connection string from the environment, or null.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
