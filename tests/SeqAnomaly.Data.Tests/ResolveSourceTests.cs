using SeqAnomaly.Core;

namespace SeqAnomaly.Data.Tests;

public sealed class ResolveSourceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_ExistingColumns_ReturnsQuotedNames(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);

        var source = await database.Store.ResolveSourceAsync("parts", "ID", "serial");

        // Unquoted names on PostgreSQL were folded to lower case by CREATE TABLE.
        var table = database.IsPostgres ? "parts" : "Parts";
        Assert.Equal(table, source.Table);
        Assert.Equal(database.IsPostgres ? "id" : "Id", source.KeyColumn);
        Assert.Equal(database.IsPostgres ? "serial" : "Serial", source.ValueColumn);
        Assert.Equal(database.IsPostgres ? "\"public\".\"parts\"" : "\"Parts\"", source.QuotedTable);
        Assert.Equal(database.IsPostgres ? "public.parts" : "Parts", source.DisplayTable);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_NonAsciiCapitals_FindsTable(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync("""CREATE TABLE "Ünï" ("K" integer NOT NULL, "V" text NULL)""");

        var quoted = await database.Store.ResolveSourceAsync("\"Ünï\"", "K", "V");
        var unquoted = await database.Store.ResolveSourceAsync("Ünï", "K", "V");

        Assert.Equal("Ünï", quoted.Table);
        Assert.Equal("Ünï", unquoted.Table);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_MissingTable_RaisesNotFound(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("Partz", "Id", "Serial"));

        Assert.Equal("Table 'Partz' was not found.", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_MissingColumn_ListsColumns(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync("""CREATE TABLE "Parts" ("Id" integer NOT NULL, "Serial" text NULL)""");

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("Parts", "Id", "Serial2"));

        Assert.Equal("Column 'Serial2' was not found in table 'Parts'. Its columns are: Id, Serial.", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_DuplicateKeys_ReportsExampleAndCount(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync(
            """
            CREATE TABLE Parts (Id integer NOT NULL, Serial text NULL);
            INSERT INTO Parts VALUES (1, 'A'), (2, 'B'), (7, 'C'), (7, 'D'), (7, 'E'), (2, 'F');
            """);

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("Parts", "Id", "Serial"));

        Assert.Contains("is not unique", error.Message);
        Assert.Contains("key '7' occurs 3 times", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_NullKey_RaisesInvalidInput(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync(
            "CREATE TABLE Parts (Id integer NULL, Serial text NULL); INSERT INTO Parts VALUES (1, 'A'), (NULL, 'B');");

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("Parts", "Id", "Serial"));

        Assert.Contains("is NULL in 1 row(s)", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_KeyEqualsValue_RaisesInvalidInput(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("Parts", "Serial", "SERIAL"));

        Assert.Contains("are the same column", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_HostileNames_RejectedWithoutChanges(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await Samples.CreatePartsAsync(database);
        var objectsBefore = await ObjectNamesAsync(database);
        string[] tables =
        [
            "Parts\"; DROP TABLE Parts; --",
            "Parts]; DROP TABLE Parts; --",
            "Parts; DROP TABLE Parts",
            "Parts --",
            "\"Parts\"\"; DROP TABLE Parts; --\"",
        ];

        foreach (var table in tables)
        {
            var error = await Assert.ThrowsAsync<InvalidInputException>(
                () => database.Store.ResolveSourceAsync(table, "Id", "Serial"));
            Assert.Contains("was not found", error.Message);
        }

        var columnError = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("Parts", "Id", "Serial\"; DELETE FROM Parts; --"));
        Assert.Contains("Column 'Serial\"; DELETE FROM Parts; --' was not found", columnError.Message);
        Assert.Equal(objectsBefore, await ObjectNamesAsync(database));
        Assert.Equal(6, await database.ScalarAsync<long>("SELECT COUNT(*) FROM Parts"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_OddTableName_QuotesAndReads(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync(
            """
            CREATE TABLE "we""ird]; --name" ("key"";" integer NOT NULL, "va.lue" text NULL);
            INSERT INTO "we""ird]; --name" VALUES (1, 'x'), (2, 'y');
            """);

        var source = await database.Store.ResolveSourceAsync("\"we\"\"ird]; --name\"", "\"key\"\";\"", "\"va.lue\"");
        var rows = await ReadAllAsync(database, source);

        Assert.Equal("we\"ird]; --name", source.Table);
        Assert.Equal("key\";", source.KeyColumn);
        Assert.Equal("va.lue", source.ValueColumn);
        Assert.Equal(["1=x", "2=y"], rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Read_UuidKeys_ReturnsKeyText(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        var keyType = database.IsPostgres ? "uuid" : "text";
        await database.ExecuteAsync(
            $"""
            CREATE TABLE Items (Id {keyType} NOT NULL, Code text NULL);
            INSERT INTO Items VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'PHE-SER-CYS'),
                                     ('7c9e6679-7425-40de-944b-e07fc1f90ae7', NULL);
            """);

        var source = await database.Store.ResolveSourceAsync("Items", "Id", "Code");
        var rows = await ReadAllAsync(database, source);

        Assert.Equal(
            ["0f8fad5b-d9cb-469f-a165-70867728950e=PHE-SER-CYS", "7c9e6679-7425-40de-944b-e07fc1f90ae7=<null>"], rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Read_TextKeys_ReturnsKeyText(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync(
            """
            CREATE TABLE Users (Login text NOT NULL, Code text NULL);
            INSERT INTO Users VALUES ('ann', 'U-1'), ('bob', 'U-2');
            """);

        var source = await database.Store.ResolveSourceAsync("Users", "Login", "Code");
        var rows = await ReadAllAsync(database, source);

        Assert.Equal(["ann=U-1", "bob=U-2"], rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Read_IntegerAndDateValues_ReturnsText(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync(
            """
            CREATE TABLE Orders (Id integer NOT NULL, Quantity integer NULL, Placed date NULL);
            INSERT INTO Orders VALUES (1, 42, '2024-01-31'), (2, NULL, NULL);
            """);

        var quantities = await ReadAllAsync(database, await database.Store.ResolveSourceAsync("Orders", "Id", "Quantity"));
        var dates = await ReadAllAsync(database, await database.Store.ResolveSourceAsync("Orders", "Id", "Placed"));

        Assert.Equal(["1=42", "2=<null>"], quantities);
        Assert.Equal(["1=2024-01-31", "2=<null>"], dates);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task ResolveSource_QualifiedDefaultSchema_Resolves(string engine)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(engine);
        await database.ExecuteAsync("""CREATE TABLE "Parts" ("Id" integer NOT NULL, "Serial" text NULL)""");
        var schema = database.IsPostgres ? "public" : "main";

        var plain = await database.Store.ResolveSourceAsync($"{schema}.Parts", "Id", "Serial");
        var quoted = await database.Store.ResolveSourceAsync($"\"{schema}\".\"Parts\"", "Id", "Serial");

        Assert.Equal("Parts", plain.Table);
        Assert.Equal(plain, quoted);
    }

    private static async Task<List<string>> ReadAllAsync(TestDatabase database, SourceColumn source)
    {
        var rows = new List<string>();
        await foreach (var row in database.Store.ReadAsync(source))
        {
            rows.Add($"{row.Key}={row.Value ?? "<null>"}");
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static Task<List<string>> ObjectNamesAsync(TestDatabase database) =>
        database.QueryAsync<string>(database.IsPostgres
            ? "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ORDER BY 1"
            : "SELECT type || ':' || name FROM sqlite_master ORDER BY 1");
}
