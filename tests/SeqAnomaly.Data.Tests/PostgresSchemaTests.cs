using SeqAnomaly.Core;

namespace SeqAnomaly.Data.Tests;

/// <summary>Schema rules that only PostgreSQL has: several schemas, the search path and case-sensitive quoted names.</summary>
public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task ResolveSource_LowerCaseSchema_FindsTable()
    {
        await using var database = await CreateWithSchemasAsync();

        var source = await database.Store.ResolveSourceAsync("sales.Parts", "Id", "Serial");
        var values = await ReadValuesAsync(database, source);

        Assert.Equal("sales", source.Schema);
        Assert.Equal("parts", source.Table);
        Assert.Equal("\"sales\".\"parts\"", source.QuotedTable);
        Assert.Equal(["lower-1"], values);
    }

    [Fact]
    public async Task ResolveSource_QuotedMixedCaseSchema_FindsExactTable()
    {
        await using var database = await CreateWithSchemasAsync();

        var source = await database.Store.ResolveSourceAsync("\"Sales\".\"Parts\"", "\"Id\"", "\"Serial\"");
        var values = await ReadValuesAsync(database, source);

        Assert.Equal("Sales", source.Schema);
        Assert.Equal("Parts", source.Table);
        Assert.Equal("\"Sales\".\"Parts\"", source.QuotedTable);
        Assert.Equal("Sales.Parts", source.DisplayTable);
        Assert.Equal(["mixed-1", "mixed-2"], values);
    }

    [Fact]
    public async Task ResolveSource_QuotedWrongCase_RaisesNotFound()
    {
        await using var database = await CreateWithSchemasAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("\"Sales\".\"parts\"", "Id", "Serial"));

        Assert.Equal("Table '\"Sales\".\"parts\"' was not found.", error.Message);
    }

    [Fact]
    public async Task ResolveSource_TableOutsideSearchPath_NamesItsSchema()
    {
        await using var database = await CreateWithSchemasAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("Parts", "Id", "Serial"));

        Assert.StartsWith("Table 'Parts' was not found in the schemas of the search path.", error.Message);
        Assert.Contains("'Sales.Parts'", error.Message);
        Assert.Contains("'sales.parts'", error.Message);
    }

    [Fact]
    public async Task ResolveSource_SearchPathOrder_PicksFirstSchema()
    {
        await using var database = await CreateWithSchemasAsync();
        await database.ExecuteAsync(
            """
            CREATE TABLE public.parts ("Id" integer NOT NULL, "Serial" text NULL);
            INSERT INTO public.parts VALUES (1, 'public-1');
            """);

        var source = await database.Store.ResolveSourceAsync("parts", "Id", "Serial");

        Assert.Equal("public", source.Schema);
    }

    [Fact]
    public async Task ResolveSource_CaseVariantsInOneSchema_RaisesAmbiguous()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("postgres");
        await database.ExecuteAsync(
            """
            CREATE TABLE "Codes" (id integer NOT NULL, code text NULL);
            CREATE TABLE "CODES" (id integer NOT NULL, code text NULL);
            """);

        var error = await Assert.ThrowsAsync<InvalidInputException>(
            () => database.Store.ResolveSourceAsync("codes", "id", "code"));
        var exact = await database.Store.ResolveSourceAsync("\"CODES\"", "id", "code");

        Assert.Contains("is ambiguous", error.Message);
        Assert.Equal("CODES", exact.Table);
    }

    private static async Task<TestDatabase> CreateWithSchemasAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync("postgres");
        await database.ExecuteAsync(
            """
            CREATE SCHEMA sales;
            CREATE TABLE sales.parts ("Id" integer NOT NULL, "Serial" text NULL);
            INSERT INTO sales.parts VALUES (1, 'lower-1');
            CREATE SCHEMA "Sales";
            CREATE TABLE "Sales"."Parts" ("Id" integer NOT NULL, "Serial" text NULL);
            INSERT INTO "Sales"."Parts" VALUES (1, 'mixed-1'), (2, 'mixed-2');
            """);
        return database;
    }

    private static async Task<List<string?>> ReadValuesAsync(TestDatabase database, SourceColumn source)
    {
        var values = new List<string?>();
        await foreach (var row in database.Store.ReadAsync(source))
        {
            values.Add(row.Value);
        }

        values.Sort(StringComparer.Ordinal);
        return values;
    }
}
