namespace SeqAnomaly.Cli.Tests;

public sealed class ImportCsvCommandTests
{
    [Fact]
    public async Task ImportCsv_QuotedFields_LoadsEveryRowAsText()
    {
        using var database = new SqliteFile();
        var csv = Path.Combine(database.Folder, "phones.csv");
        File.WriteAllText(csv, "index,phone,note\n1,2053258100,\"plain\"\n2,205x258100,\"has, comma\"\n");

        var (exitCode, output) = await CliRun.RunAsync(Import(database, "Phones", csv));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(2, database.Scalar<long>("SELECT COUNT(*) FROM Phones"));
        Assert.Equal("has, comma", database.Scalar<string>("SELECT note FROM Phones WHERE \"index\" = '2'"));
        Assert.Equal("text", database.Scalar<string>("SELECT typeof(phone) FROM Phones LIMIT 1"));
        Assert.Contains("Imported 2 rows", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCsv_ExistingTable_ExitsTwoAndKeepsRows()
    {
        using var database = new SqliteFile();
        database.CreateParts(3);
        var csv = Path.Combine(database.Folder, "parts.csv");
        File.WriteAllText(csv, "Id,Serial\n9,AB1Q\n");

        var (exitCode, output) = await CliRun.RunAsync(Import(database, "Parts", csv));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("'Parts'", output, StringComparison.Ordinal);
        Assert.Equal(3, database.Scalar<long>("SELECT COUNT(*) FROM Parts"));
    }

    [Fact]
    public async Task ImportCsv_DuplicateHeader_ExitsTwoNamingColumn()
    {
        using var database = new SqliteFile();
        var csv = Path.Combine(database.Folder, "bad.csv");
        File.WriteAllText(csv, "a,b,A\n1,2,3\n");

        var (exitCode, output) = await CliRun.RunAsync(Import(database, "Bad", csv));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("'a'", output, StringComparison.Ordinal);
        Assert.False(database.TableExists("Bad"));
    }

    private static string[] Import(SqliteFile database, string table, string file) =>
        ["import-csv", "--provider", "sqlite", "--connection", database.ConnectionString, "--table", table, "--file", file];
}
