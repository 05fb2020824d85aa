using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using SeqAnomaly.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Loads a CSV file with a header row into a new table whose columns are all text.</summary>
public sealed class ImportCsvCommand(IAnsiConsole console) : AsyncCommand<ImportCsvCommand.Settings>
{
    /// <summary>Options of <c>seqanomaly import-csv</c>.</summary>
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--table <TABLE>")]
        [Description("Table to create; the command refuses a table that already exists.")]
        public string? Table { get; init; }

        [CommandOption("--file <CSV>")]
        [Description("CSV file with a header row that names the columns.")]
        public string? File { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var table = string.IsNullOrWhiteSpace(settings.Table) ? throw new InvalidInputException("Missing required option --table.") : settings.Table;
        var file = string.IsNullOrWhiteSpace(settings.File) ? throw new InvalidInputException("Missing required option --file.") : settings.File;
        if (!System.IO.File.Exists(file))
        {
            throw new InvalidInputException($"CSV file '{file}' was not found.");
        }

        var (header, records) = ReadCsv(file);
        var store = settings.OpenStore(createsDatabase: true);
        var provider = store.Provider;
        var quotedTable = string.Join('.', table.Split('.').Select(provider.QuoteIdentifier));
        var columns = header.Select(provider.QuoteIdentifier).ToList();
        var textType = provider.Name == "sqlserver" ? "nvarchar(max)" : "text";

        await using var connection = provider.CreateConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(
                $"CREATE TABLE {quotedTable} ({string.Join(", ", columns.Select(c => $"{c} {textType}"))});", transaction: transaction);
        }
        catch (DbException error)
        {
            throw new InvalidInputException($"Could not create table '{table}': {error.Message}", error);
        }

        var insert = $"INSERT INTO {quotedTable} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", header.Select((_, i) => $"@p{i}"))});";
        var parameters = records.Select(record =>
        {
            var values = new DynamicParameters();
            for (var i = 0; i < header.Count; i++)
            {
                values.Add($"p{i}", i < record.Length ? record[i] : null);
            }

            return values;
        });
        await connection.ExecuteAsync(insert, parameters, transaction);
        await transaction.CommitAsync(cancellationToken);
        console.MarkupLineInterpolated($"Imported {records.Count:N0} rows into {table} with columns {string.Join(", ", header)}.");
        return ExitCodes.Success;
    }

    private static (List<string> Header, List<string[]> Records) ReadCsv(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        try
        {
            return ReadRecords(csv, file);
        }
        catch (BadDataException error)
        {
            throw new InvalidInputException(
                $"CSV file '{file}' is malformed at line {error.Context?.Parser?.RawRow}: a quote is not closed or a field " +
                "has a stray quote. Nothing was imported.",
                error);
        }
    }

    private static (List<string> Header, List<string[]> Records) ReadRecords(CsvReader csv, string file)
    {
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw new InvalidInputException($"CSV file '{file}' has no header row.");
        }

        var blank = Array.FindIndex(header, string.IsNullOrWhiteSpace);
        if (blank >= 0)
        {
            throw new InvalidInputException($"CSV file '{file}': header column {blank + 1} has no name.");
        }

        var duplicate = header.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidInputException($"CSV file '{file}': the header names column '{duplicate.Key}' more than once.");
        }

        var records = new List<string[]>();
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            if (record.Length != header.Length)
            {
                throw new InvalidInputException(
                    $"CSV file '{file}', line {csv.Parser.RawRow}: {record.Length} field(s) where the header has " +
                    $"{header.Length}. Nothing was imported.");
            }

            records.Add(record);
        }

        return ([.. header], records);
    }
}
