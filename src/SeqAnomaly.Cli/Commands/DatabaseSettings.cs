using System.ComponentModel;
using SeqAnomaly.Cli.Output;
using SeqAnomaly.Core;
using SeqAnomaly.Data;
using Spectre.Console.Cli;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Options that pick the database: the provider and its connection string.</summary>
public class DatabaseSettings : OutputSettings
{
    /// <summary>Environment variable read when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "SEQANOMALY_CONNECTION";

    [CommandOption("--provider <PROVIDER>")]
    [Description("Database engine: sqlserver, postgres or sqlite.")]
    [DefaultValue("sqlite")]
    public string Provider { get; init; } = "sqlite";

    [CommandOption("--connection <CONNECTION>")]
    [Description("Connection string. Defaults to the SEQANOMALY_CONNECTION environment variable.")]
    public string? Connection { get; init; }

    /// <summary>Creates the store for these options.</summary>
    /// <exception cref="InvalidInputException">The provider is unknown or no connection string was given.</exception>
    /// <param name="createsDatabase">
    /// Whether the command may create a SQLite file that does not exist yet. Other commands reject a missing file,
    /// so a mistyped path does not leave an empty database behind.
    /// </param>
    public AnomalyStore OpenStore(bool createsDatabase = false)
    {
        var provider = DatabaseProvider.FromName(Provider);
        var connection = Connection ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidInputException(
                $"No connection string: pass --connection or set the {ConnectionVariable} environment variable.");
        }

        try
        {
            // Parsing happens here, so a malformed string is bad input. Drivers' messages name the keyword, not the value.
            using var probe = provider.CreateConnection(connection);
        }
        catch (ArgumentException error)
        {
            throw new InvalidInputException($"Invalid {provider.Name} connection string: {error.Message}", error);
        }

        if (provider.Name == "sqlite")
        {
            CheckSqliteFile(connection, createsDatabase);
        }

        return new AnomalyStore(provider, connection);
    }

    private static void CheckSqliteFile(string connection, bool createsDatabase)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var path = builder.DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || path.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"SQLite database '{path}' is a directory, not a file.");
        }

        if (!createsDatabase && !File.Exists(path))
        {
            throw new InvalidInputException(
                $"SQLite database file '{path}' does not exist. Create it with seqanomaly migrate or seqanomaly import-csv.");
        }
    }
}
