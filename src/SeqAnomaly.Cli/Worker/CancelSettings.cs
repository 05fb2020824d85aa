using System.ComponentModel;
using SeqAnomaly.Cli.Commands;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Options of <c>seqanomaly cancel</c>.</summary>
public sealed class CancelSettings : DatabaseSettings
{
    [CommandOption("--request <ID>")]
    [Description("Id of the scan request to cancel.")]
    public long? RequestId { get; init; }
}
