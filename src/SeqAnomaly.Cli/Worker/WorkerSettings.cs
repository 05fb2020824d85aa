using System.ComponentModel;
using System.Globalization;
using SeqAnomaly.Cli.Commands;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Options of <c>seqanomaly worker</c>; each one given overrides the configuration.</summary>
public sealed class WorkerSettings : DatabaseSettings
{
    [CommandOption("--poll-interval <SECONDS>")]
    [Description("Seconds to wait after finding no request. Default: 5.")]
    public double? PollIntervalSeconds { get; init; }

    [CommandOption("--lease <SECONDS>")]
    [Description("Seconds a claim stays valid without a heartbeat before another worker may take the request over. Default: 60.")]
    public double? LeaseSeconds { get; init; }

    [CommandOption("--max-attempts <N>")]
    [Description("Claims a request may have before it is marked Failed. Default: 3.")]
    public int? MaxAttempts { get; init; }

    [CommandOption("--concurrency <N>")]
    [Description("Requests run at the same time. Default: 1.")]
    public int? Concurrency { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("Name claims are recorded under. Default: host name and process id.")]
    public string? Name { get; init; }

    [CommandOption("--drain")]
    [Description("Exit once no request is Pending or Running.")]
    public bool? Drain { get; init; }

    /// <summary>The options given on the command line, as configuration keys of the section <c>Worker</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ConfigurationOverrides()
    {
        var values = new (string Key, object? Value)[]
        {
            (nameof(WorkerOptions.PollIntervalSeconds), PollIntervalSeconds),
            (nameof(WorkerOptions.LeaseSeconds), LeaseSeconds),
            (nameof(WorkerOptions.MaxAttempts), MaxAttempts),
            (nameof(WorkerOptions.Concurrency), Concurrency),
            (nameof(WorkerOptions.Name), Name),
            (nameof(WorkerOptions.Drain), Drain),
        };
        return values
            .Where(entry => entry.Value is not null)
            .Select(entry => new KeyValuePair<string, string?>(
                $"{WorkerOptions.Section}:{entry.Key}", Convert.ToString(entry.Value, CultureInfo.InvariantCulture)));
    }
}
