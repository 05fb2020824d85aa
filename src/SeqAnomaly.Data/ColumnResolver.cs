using SeqAnomaly.Core;

namespace SeqAnomaly.Data;

/// <summary>Finds a column typed by a user among the columns the catalog lists for a table.</summary>
internal static class ColumnResolver
{
    /// <summary>Returns the catalog's spelling of <paramref name="typed"/>.</summary>
    /// <param name="columns">The table's columns in catalog order.</param>
    /// <param name="typed">The column name as the user typed it, quoted or not.</param>
    /// <param name="table">The table's name, for the error message.</param>
    /// <exception cref="InvalidInputException">The column does not exist or its name is ambiguous.</exception>
    public static string Find(IReadOnlyList<string> columns, string typed, string table)
    {
        var column = SqlIdentifier.ParseSingle(typed, "Column name");
        return column.Match(columns, "Column name")
            ?? throw new InvalidInputException(
                $"Column '{typed}' was not found in table '{table}'. Its columns are: {string.Join(", ", columns)}.");
    }
}
