namespace SeqAnomaly.Cli.Tests;

/// <summary>
/// A SQLite file with <c>Parts(Id, Serial)</c> of 1,500 serials in the form <c>[A-F][A-F][0-2][QWOP]</c>
/// plus the planted value <see cref="Planted"/>, scanned once by the command line; shared by a test class.
/// </summary>
public sealed class ScannedDatabase : IAsyncLifetime
{
    public const string Planted = "zz9999zz";

    public const string Threshold = "quantile:0.995";

    public const string ModelName = "Parts.Serial";

    private readonly SqliteFile _file = new();

    internal SqliteFile File => _file;

    public string ConnectionString => _file.ConnectionString;

    public string Folder => _file.Folder;

    public async Task InitializeAsync()
    {
        _file.CreateParts(1500, Planted);
        var (exitCode, output) = await CliRun.RunAsync(
            "scan", "--connection", ConnectionString, "--table", "Parts", "--key", "Id", "--column", "Serial",
            "--epochs", "20", "--seed", "3", "--threshold", Threshold);
        Assert.True(exitCode == ExitCodes.Success, output);
    }

    public Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
