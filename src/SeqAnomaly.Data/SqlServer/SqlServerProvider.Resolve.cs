using System.Data.Common;
using Dapper;
using SeqAnomaly.Core;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.Data;

public sealed partial class SqlServerProvider
{
    // Types whose CONVERT to nvarchar gives no readable text, or is not allowed at all.
    private static readonly HashSet<string> UnreadableTypes =
        new(["binary", "varbinary", "image", "timestamp", "geography", "geometry"], StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    /// <remarks>
    /// Accepts <c>table</c>, <c>schema.table</c> and bracketed or double-quoted parts such as
    /// <c>[Sales].[Order Details]</c>; a table named without a schema is looked up in <c>dbo</c>.
    /// Tables and views qualify. Names are compared in the database's collation, and the result
    /// carries the catalog's spelling.
    /// </remarks>
    public override async Task<SourceColumn> ResolveSourceAsync(
        DbConnection connection, string table, string keyColumn, string valueColumn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (schema, tableName) = SqlServerNames.ParseTableName(table);
        var key = SqlServerNames.ParseColumnName(keyColumn, "key column name");
        var value = SqlServerNames.ParseColumnName(valueColumn, "value column name");
        schema ??= DefaultSchema;

        var found = await connection.QuerySingleOrDefaultAsync<CatalogTable>(new CommandDefinition(
                SqlServerStatements.FindTable, new { Schema = schema, Table = tableName }, cancellationToken: cancellationToken))
            .ConfigureAwait(false)
            ?? throw await TableNotFoundAsync(connection, table, schema, tableName, cancellationToken).ConfigureAwait(false);

        var columns = (await connection.QueryAsync<CatalogColumn>(new CommandDefinition(
                SqlServerStatements.ListColumns,
                new { found.ObjectId, KeyColumn = key, ValueColumn = value },
                cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToList();

        var displayTable = $"{found.SchemaName}.{found.TableName}";
        var keyName = FindColumn(columns, column => column.IsKey, keyColumn, "key column", displayTable);
        var valueName = FindColumn(columns, column => column.IsValue, valueColumn, "value column", displayTable);
        return new SourceColumn(
            found.SchemaName,
            found.TableName,
            keyName,
            valueName,
            $"{QuoteIdentifier(found.SchemaName)}.{QuoteIdentifier(found.TableName)}",
            QuoteIdentifier(keyName),
            QuoteIdentifier(valueName));
    }

    /// <summary>Returns the name of the flagged column, or raises an error that lists the table's columns.</summary>
    internal static string FindColumn(
        IReadOnlyList<CatalogColumn> columns, Func<CatalogColumn, bool> isRequested, string requested, string role, string table)
    {
        var column = columns.FirstOrDefault(isRequested);
        if (column is null)
        {
            var existing = string.Join(", ", columns.Select(candidate => candidate.ColumnName));
            throw new InvalidInputException(
                $"The {role} '{requested}' was not found in table '{table}'. Its columns are: {existing}.");
        }

        if (UnreadableTypes.Contains(column.TypeName) || UnreadableTypes.Contains(column.BaseTypeName))
        {
            throw new InvalidInputException(
                $"The {role} '{column.ColumnName}' of table '{table}' has type {column.TypeName}, which has no text form; "
                + "scan a view that converts it to text instead.");
        }

        return column.ColumnName;
    }

    private static async Task<InvalidInputException> TableNotFoundAsync(
        DbConnection connection, string requested, string schema, string table, CancellationToken cancellationToken)
    {
        var existing = (await connection.QueryAsync<string>(new CommandDefinition(
                SqlServerStatements.ListTables, new { Schema = schema }, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToList();

        var where = existing.Count == 0
            ? $"Schema '{schema}' has no tables or views, or does not exist."
            : $"Tables and views in schema '{schema}' (first 50): {string.Join(", ", existing)}.";
        return new InvalidInputException(
            $"Table '{requested}' was not found: no table or view named '{table}' exists in schema '{schema}'. {where}");
    }

    /// <summary>A row of <see cref="SqlServerStatements.FindTable"/>.</summary>
    internal sealed record CatalogTable(int ObjectId, string SchemaName, string TableName);

    /// <summary>A row of <see cref="SqlServerStatements.ListColumns"/>.</summary>
    internal sealed record CatalogColumn(string ColumnName, string TypeName, string BaseTypeName, bool IsKey, bool IsValue);
}
