using Microsoft.SqlServer.TransactSql.ScriptDom;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests;

/// <summary>The bulk score write's staging table and INSERT against the SequenceScores migration.</summary>
public sealed class ScoreStagingTests
{
    [Fact]
    public void InsertFromStaging_ColumnsMatchMigration()
    {
        var insert = TSqlParsing.Single<InsertStatement>(SqlServerStatements.InsertScoresFromStaging);

        var inserted = insert.InsertSpecification.Columns.Select(column => LastName(column.MultiPartIdentifier));

        Assert.Equal(MigrationColumns().Select(column => column.Name), inserted);
    }

    [Fact]
    public void InsertFromStaging_TargetsSequenceScores()
    {
        var insert = TSqlParsing.Single<InsertStatement>(SqlServerStatements.InsertScoresFromStaging);

        var target = Assert.IsType<NamedTableReference>(insert.InsertSpecification.Target);

        Assert.Equal("anomaly", target.SchemaObject.SchemaIdentifier.Value);
        Assert.Equal("SequenceScores", target.SchemaObject.BaseIdentifier.Value);
    }

    [Fact]
    public void InsertFromStaging_SelectsParameterThenStagedColumns()
    {
        var insert = TSqlParsing.Single<InsertStatement>(SqlServerStatements.InsertScoresFromStaging);
        var select = Assert.IsType<SelectInsertSource>(insert.InsertSpecification.InsertSource);
        var query = Assert.IsType<QuerySpecification>(select.Select);

        var elements = query.SelectElements.Cast<SelectScalarExpression>().Select(element => element.Expression).ToList();

        Assert.Equal("@ScanId", Assert.IsType<VariableReference>(elements[0]).Name);
        Assert.Equal(
            StagingColumns().Select(column => column.Name),
            elements.Skip(1).Select(expression => LastName(Assert.IsType<ColumnReferenceExpression>(expression).MultiPartIdentifier)));
    }

    [Fact]
    public void StagingTable_MatchesMigrationColumnsAfterScanId()
    {
        var migration = MigrationColumns();

        Assert.Equal("ScanId", migration[0].Name);
        Assert.Equal(migration.Skip(1), StagingColumns());
    }

    [Fact]
    public void Reader_ColumnNamesMatchStagingTable()
    {
        Assert.Equal(StagingColumns().Select(column => column.Name), ScoreRowDataReader.ColumnNames);
    }

    private static List<(string Name, string Type, bool Nullable)> MigrationColumns()
    {
        var script = TSqlSources.MigrationResources()["0004_CreateSequenceScores.sql"];
        var (fragment, errors) = TSqlParsing.Parse(script);
        Assert.True(errors.Count == 0, TSqlParsing.Describe("0004_CreateSequenceScores.sql", errors));

        var create = ((TSqlScript)fragment).Batches
            .SelectMany(batch => batch.Statements)
            .OfType<CreateTableStatement>()
            .Single(statement => statement.SchemaObjectName.BaseIdentifier.Value == "SequenceScores");
        return Columns(create);
    }

    private static List<(string Name, string Type, bool Nullable)> StagingColumns()
    {
        var (fragment, errors) = TSqlParsing.Parse(SqlServerStatements.CreateScoreStaging);
        Assert.True(errors.Count == 0, TSqlParsing.Describe(nameof(SqlServerStatements.CreateScoreStaging), errors));

        var create = ((TSqlScript)fragment).Batches.SelectMany(batch => batch.Statements).OfType<CreateTableStatement>().Single();
        Assert.Equal("#SequenceScoresStaging", create.SchemaObjectName.BaseIdentifier.Value);
        return Columns(create);
    }

    private static List<(string Name, string Type, bool Nullable)> Columns(CreateTableStatement create) =>
    [
        .. create.Definition.ColumnDefinitions.Select(column => (
            column.ColumnIdentifier.Value,
            TypeText(column.DataType),
            column.Constraints.OfType<NullableConstraintDefinition>().Single().Nullable)),
    ];

    private static string TypeText(DataTypeReference type)
    {
        var name = type.Name.BaseIdentifier.Value.ToLowerInvariant();
        var parameters = type is ParameterizedDataTypeReference parameterized
            ? parameterized.Parameters.Select(parameter => parameter.Value.ToLowerInvariant()).ToList()
            : [];
        return parameters.Count == 0 ? name : $"{name}({string.Join(",", parameters)})";
    }

    private static string LastName(MultiPartIdentifier identifier) => identifier.Identifiers[^1].Value;
}
