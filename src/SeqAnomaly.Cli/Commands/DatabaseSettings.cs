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
    public AnomalyStore OpenStore()
    {
        var provider = DatabaseProvider.FromName(Provider);
        var connection = Connection ?? Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidInputException(
                $"No connection string: pass --connection or set the {ConnectionVariable} environment variable.");
        }

        return new AnomalyStore(provider, connection);
    }
}
