using Microsoft.Data.SqlClient;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>SqlClient's configurable retry logic for opening the product's connections.</summary>
internal static class SqlServerRetry
{
    /// <summary>Connection attempts in all.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Exponential backoff from one second, at most ten seconds a wait, on the errors SqlClient lists as transient
    /// by default: a database that is starting, failing over or over its resource limits.
    /// </summary>
    public static SqlRetryLogicBaseProvider OpenRetry { get; } = SqlConfigurableRetryFactory.CreateExponentialRetryProvider(
        new SqlRetryLogicOption
        {
            NumberOfTries = MaxAttempts,
            DeltaTime = TimeSpan.FromSeconds(1),
            MaxTimeInterval = TimeSpan.FromSeconds(10),
        });
}
