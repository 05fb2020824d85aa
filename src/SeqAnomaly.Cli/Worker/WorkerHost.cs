using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SeqAnomaly.Data;

namespace SeqAnomaly.Cli.Worker;

/// <summary>Builds the generic host that runs <see cref="ScanWorker"/> as a console program, systemd service or Windows service.</summary>
public static class WorkerHost
{
    /// <summary>Prefix of the environment variables read as configuration, such as <c>SEQANOMALY_WORKER__LEASESECONDS</c>.</summary>
    public const string EnvironmentPrefix = "SEQANOMALY_";

    /// <summary>
    /// Creates the host builder with its configuration: appsettings.json in the current folder, environment variables,
    /// those with <see cref="EnvironmentPrefix"/>, then <paramref name="overrides"/>; later sources win.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }

    /// <summary>Reads and checks the worker's options, registers the worker for <paramref name="store"/> and builds the host.</summary>
    /// <exception cref="Core.InvalidInputException">An option is out of range.</exception>
    public static IHost Build(HostApplicationBuilder builder, AnomalyStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        var options = builder.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        options.Validate();

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(store.Provider.CreateScanQueue(store.ConnectionString));
        builder.Services.AddSingleton<RequestProcessor>();
        builder.Services.AddHostedService<ScanWorker>();
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds);
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });

        // Each does nothing unless the process runs under that service manager.
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService();
        return builder.Build();
    }
}
