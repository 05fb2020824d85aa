using System.Globalization;
using SeqAnomaly.Core;

namespace SeqAnomaly.Cli.Worker;

/// <summary>
/// Settings of <c>seqanomaly worker</c>, read from the configuration section <c>Worker</c>: appsettings.json, then
/// environment variables such as <c>SEQANOMALY_WORKER__LEASESECONDS</c>, then the command's options.
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>Configuration section the options are read from.</summary>
    public const string Section = "Worker";

    /// <summary>Seconds a worker slot waits after finding no request, before it looks again.</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Seconds a claim stays valid without a heartbeat; after that another worker may take the request over.</summary>
    public double LeaseSeconds { get; set; } = 60;

    /// <summary>Claims a request may have before a failed or expired one is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Requests this process runs at the same time.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Seconds the process waits on shutdown for running scans to stop before it exits anyway.</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 90;

    /// <summary>Name claims are recorded under, followed by the slot number; defaults to the host name and process id.</summary>
    public string? Name { get; set; }

    /// <summary>Whether to exit once no request is Pending or Running, instead of waiting for new ones.</summary>
    public bool Drain { get; set; }

    /// <summary>Interval between heartbeats: a third of the lease, so that two can be missed before it expires.</summary>
    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(LeaseSeconds / 3);

    /// <summary>The name claims are recorded under, without the slot number.</summary>
    public string WorkerName =>
        string.IsNullOrWhiteSpace(Name)
            ? $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"
            : Name;

    /// <summary>Raises <see cref="InvalidInputException"/> naming the first option that is out of range.</summary>
    public void Validate()
    {
        Check(PollIntervalSeconds is > 0 and <= 86_400, "PollIntervalSeconds", PollIntervalSeconds, "a number of seconds above 0, at most 86400");
        Check(LeaseSeconds is >= 1 and <= 86_400, "LeaseSeconds", LeaseSeconds, "a number of seconds from 1 to 86400");
        Check(MaxAttempts >= 1, "MaxAttempts", MaxAttempts, "a whole number of at least 1");
        Check(Concurrency is >= 1 and <= 64, "Concurrency", Concurrency, "a whole number from 1 to 64");
        Check(ShutdownTimeoutSeconds is >= 0 and <= 86_400, "ShutdownTimeoutSeconds", ShutdownTimeoutSeconds, "a number of seconds from 0 to 86400");
    }

    private static void Check(bool valid, string name, double value, string expected)
    {
        if (!valid)
        {
            throw InvalidInputException.InvalidOption($"{Section}:{name}", value.ToString(CultureInfo.InvariantCulture), expected);
        }
    }
}
