using System.Reflection;
using DbUp.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SeqAnomaly.Data.SqlServer;
using Xunit.Abstractions;

namespace SeqAnomaly.SqlServer.Tests;

public sealed class TSqlParseTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Sources() => TSqlSources.All();

    [Theory]
    [MemberData(nameof(Sources))]
    public void Source_ParsesWithoutErrors(string kind, string name)
    {
        var text = TSqlSources.Text(kind, name);

        var (_, errors) = TSqlParsing.Parse(text);

        var report = TSqlParsing.Describe($"{kind} {name}", errors);
        output.WriteLine(errors.Count == 0 ? $"{kind} {name}: no errors" : report);
        Assert.True(errors.Count == 0, report);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void DbUpBatches_ParseWithoutErrors(string kind, string name)
    {
        // DbUp splits a script at GO and sends each part as its own command, so each part must parse alone.
        var text = TSqlSources.Text(kind, name);
        var batches = new SqlConnectionManager("Server=unused").SplitScriptIntoCommands(text).ToList();

        var reports = batches
            .Select((batch, index) => TSqlParsing.Describe($"{kind} {name}, batch {index + 1}", TSqlParsing.Parse(batch).Errors))
            .Where(report => report.Length > 0)
            .ToList();

        Assert.NotEmpty(batches);
        Assert.True(reports.Count == 0, string.Join(Environment.NewLine, reports));
    }

    [Fact]
    public void Parser_BrokenStatement_ReportsError()
    {
        const string broken = "SELECT ScanId FROM WHERE Status = N'Running';";

        var (_, errors) = TSqlParsing.Parse(broken);

        output.WriteLine(TSqlParsing.Describe("broken statement", errors));
        var error = Assert.Single(errors);
        Assert.Equal(1, error.Line);
        Assert.Equal(15, error.Column);
        Assert.Contains("FROM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_BrokenMigration_ReportsLineOfError()
    {
        var script = TSqlSources.MigrationResources().Single(entry => entry.Key == "0003_CreateScans.sql");
        var broken = script.Value.Replace("REFERENCES anomaly.Models (ModelId)", "REFERENCES (ModelId)", StringComparison.Ordinal);
        var brokenLine = broken.Split('\n').ToList().FindIndex(line => line.Contains("REFERENCES (ModelId)", StringComparison.Ordinal)) + 1;

        var (_, errors) = TSqlParsing.Parse(broken);

        output.WriteLine(TSqlParsing.Describe(script.Key, errors));
        Assert.NotEqual(script.Value, broken);
        Assert.NotEmpty(errors);
        Assert.Equal(brokenLine, errors[0].Line);
    }

    [Theory]
    [InlineData("clr/deploy.sql")]
    [InlineData("clr/example-trigger.sql")]
    public void Scripts_IncludeClrScript(string name)
    {
        // deploy.sql is written by the SqlClr build, which this project depends on, so it must be present.
        var scripts = TSqlSources.Scripts();

        Assert.Contains(name, scripts.Keys);
        Assert.Empty(TSqlParsing.Parse(scripts[name]).Errors);
    }

    [Fact]
    public void DeployScript_CreatesSafeAssemblyAndFunctions()
    {
        var (fragment, errors) = TSqlParsing.Parse(TSqlSources.Scripts()["clr/deploy.sql"]);
        var statements = ((TSqlScript)fragment).Batches.SelectMany(batch => batch.Statements).ToList();

        var assembly = Assert.Single(statements.OfType<CreateAssemblyStatement>());
        var functions = statements.OfType<CreateFunctionStatement>().Select(function => function.Name.BaseIdentifier.Value).ToList();

        Assert.Empty(errors);
        Assert.Contains(
            assembly.Options.OfType<PermissionSetAssemblyOption>(),
            option => option.PermissionSetOption == PermissionSetOption.Safe);
        Assert.Equal(["ScoreValue", "IsAnomalous", "ExplainValue"], functions);
        Assert.All(statements.OfType<CreateFunctionStatement>(), function => Assert.NotNull(function.MethodSpecifier));
    }

    [Fact]
    public void Sources_IncludeEveryKind()
    {
        var sources = TSqlSources.All().Select(row => (string)row[0]).ToList();

        var folder = Path.Combine(TSqlSources.RepositoryRoot(), "migrations", "sqlserver");
        Assert.Equal(Directory.GetFiles(folder, "*.sql").Length, sources.Count(kind => kind == TSqlSources.Migration));
        Assert.Contains(TSqlSources.Statement, sources);
        Assert.Contains(TSqlSources.Script, sources);
    }

    [Fact]
    public void Statements_IncludeEveryConstant()
    {
        var constants = TSqlSources.StatementConstants().Select(field => field.Name).ToList();

        Assert.Contains(nameof(SqlServerStatements.FindTable), constants);
        Assert.Contains(nameof(SqlServerStatements.ListColumns), constants);
        Assert.Contains(nameof(SqlServerStatements.InsertScoresFromStaging), constants);
        Assert.All(constants, name => Assert.Contains(name, TSqlSources.Statements().Keys));
    }

    [Fact]
    public void Statements_EveryBuilderMethodIsCovered()
    {
        // A new method that builds a statement must be added to BuiltStatements, or its text would go unparsed.
        var builders = typeof(SqlServerStatements)
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(method => method.ReturnType == typeof(string) && !method.IsSpecialName)
            .Select(method => method.Name)
            .ToHashSet();

        Assert.Equal(TSqlSources.BuiltStatementMethods.Order(), builders.Order());
    }

    [Fact]
    public void Statements_HoldNoOtherStringFields()
    {
        // Statement texts kept in static readonly fields would escape the constant scan above.
        var fields = typeof(SqlServerStatements)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => !field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => field.Name);

        Assert.Empty(fields);
    }

    [Fact]
    public void CreateView_SharingBatch_IsRejectedByParser()
    {
        // Proves that a view script whose CREATE VIEW shares a batch with another statement fails the check above.
        const string script = "SELECT 1;\nCREATE VIEW anomaly.V AS SELECT 1 AS One;";

        var (_, errors) = TSqlParsing.Parse(script);

        output.WriteLine(TSqlParsing.Describe("two statements", errors));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Migrations_ViewsStandAloneInTheirBatch()
    {
        var views = TSqlSources.MigrationResources()
            .SelectMany(entry => ((TSqlScript)TSqlParsing.Parse(entry.Value).Fragment).Batches)
            .Where(batch => batch.Statements.Any(statement => statement is CreateViewStatement))
            .ToList();

        var viewScripts = TSqlSources.MigrationResources().Values
            .Count(text => text.Contains("CREATE VIEW", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(viewScripts, views.Count);
        Assert.All(views, batch => Assert.Single(batch.Statements));
    }
}
