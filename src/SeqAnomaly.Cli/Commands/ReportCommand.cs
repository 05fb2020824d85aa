using System.ComponentModel;
using SeqAnomaly.Cli.Output;
using SeqAnomaly.Cli.Report;
using SeqAnomaly.Core;
using SeqAnomaly.Data.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Writes the HTML report of a stored scan, with its plots as PNG files, without re-training.</summary>
public sealed class ReportCommand(StandardStreams streams) : AsyncCommand<ReportCommand.Settings>
{
    /// <summary>Options of <c>seqanomaly report</c>.</summary>
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--scan <ID>")]
        [Description("Id of the scan to report, as in the ScanId column of Scans and ScanSummary.")]
        public long? Scan { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder to write index.html and its PNG plots into; created when missing, files replaced.")]
        public string? Out { get; init; }

        [CommandOption("--top <N>")]
        [Description("Number of highest-scored values shown with their per-position scores.")]
        [DefaultValue(10)]
        public int Top { get; init; } = 10;
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scanId = settings.Scan ?? throw new InvalidInputException("Missing required option --scan.");
        var folder = string.IsNullOrWhiteSpace(settings.Out) ? throw new InvalidInputException("Missing required option --out.") : settings.Out;
        if (File.Exists(folder))
        {
            throw new InvalidInputException($"Invalid value '{folder}' for --out: it is a file, and the report needs a folder.");
        }

        if (settings.Top is < 1 or > 100)
        {
            throw InvalidInputException.InvalidOption("--top", settings.Top.ToString(), "a whole number from 1 to 100");
        }

        var store = settings.OpenStore();
        var reader = new ScanReader(store);
        await ProductTables.RequireAsync(reader, cancellationToken);
        var console = streams.Out;
        Action<string> log = settings.Verbosity == Verbosity.Verbose
            ? message => console.MarkupLineInterpolated($"[grey]{message}[/]")
            : _ => { };
        var written = await new ScanReportWriter(reader).WriteAsync(scanId, folder, settings.Top, log, cancellationToken);

        if (settings.Verbosity == Verbosity.Verbose)
        {
            foreach (var file in written)
            {
                console.MarkupLineInterpolated($"[grey]Wrote {file}[/]");
            }
        }

        var page = Path.GetFullPath(Path.Combine(folder, ScanReportWriter.PageFile));
        console.MarkupLineInterpolated($"Report of scan {scanId}: {page} ({written.Count - 1} plots).");
        return ExitCodes.Success;
    }
}
