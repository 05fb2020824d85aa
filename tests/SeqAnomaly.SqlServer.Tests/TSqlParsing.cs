using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SeqAnomaly.SqlServer.Tests;

/// <summary>Parses T-SQL as SQL Server 2022 does and formats its errors for a test message.</summary>
internal static class TSqlParsing
{
    /// <summary>
    /// Parses a whole script, GO separators included: the parser splits batches at GO itself, as
    /// sqlcmd and DbUp do. Returns the syntax tree and the errors.
    /// </summary>
    public static (TSqlFragment Fragment, IList<ParseError> Errors) Parse(string text)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, errors);
    }

    /// <summary>Returns one line per error: the source name, line, column, error number and message.</summary>
    public static string Describe(string source, IEnumerable<ParseError> errors) =>
        string.Join(
            Environment.NewLine,
            errors.Select(error =>
                $"{source}: line {error.Line}, column {error.Column}: error {error.Number}: {error.Message}"));

    /// <summary>Parses one statement list and returns its only statement of type <typeparamref name="T"/>.</summary>
    public static T Single<T>(string text)
        where T : TSqlStatement
    {
        var (fragment, errors) = Parse(text);
        Assert.True(errors.Count == 0, Describe("statement", errors));
        return Assert.Single(((TSqlScript)fragment).Batches.SelectMany(batch => batch.Statements).OfType<T>());
    }
}
