using System.Data.Common;

namespace SeqAnomaly.Data;

/// <summary>
/// Bounded retry with exponential backoff for opening a connection, for errors that pass once the server is back,
/// such as a refused connection while it restarts. Commands are never retried, because a write could run twice.
/// </summary>
/// <param name="MaxAttempts">Connection attempts in all, at least 1; 1 means no retry.</param>
/// <param name="FirstDelay">Wait after the first failed attempt; each later wait doubles it.</param>
/// <param name="MaxDelay">Longest single wait.</param>
public sealed record ConnectionRetry(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Five attempts over about four seconds: 0.25, 0.5, 1 and 2 seconds apart.</summary>
    public static ConnectionRetry Default { get; } = new(5, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));

    /// <summary>One attempt, no retry.</summary>
    public static ConnectionRetry None { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Called after each failed attempt that will be retried, with the attempt's number and error.</summary>
    public Action<int, Exception>? Retrying { get; init; }

    /// <summary>Returns the wait after failed attempt <paramref name="attempt"/>, counted from 1.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        var delay = FirstDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>Creates and opens a connection, retrying the errors <paramref name="isTransient"/> accepts.</summary>
    /// <param name="create">Creates a new, unopened connection for each attempt.</param>
    /// <param name="isTransient">Whether an error may pass by itself, so that another attempt is worth making.</param>
    /// <param name="cancellationToken">Stops the attempts and the waits between them.</param>
    /// <returns>The open connection.</returns>
    public async Task<DbConnection> OpenAsync(
        Func<DbConnection> create, Func<Exception, bool> isTransient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(isTransient);
        for (var attempt = 1; ; attempt++)
        {
            var connection = create();
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (Exception error) when (attempt < MaxAttempts && isTransient(error))
            {
                await connection.DisposeAsync();
                Retrying?.Invoke(attempt, error);
                await Task.Delay(DelayAfter(attempt), cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }
}
