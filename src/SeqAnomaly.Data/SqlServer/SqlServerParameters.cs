using System.Data;
using System.Reflection;
using Dapper;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>Dapper parameters for SQL Server, with DateTime values sent as datetime2.</summary>
internal static class SqlServerParameters
{
    /// <summary>
    /// Copies the public properties, or the dictionary entries, of <paramref name="parameters"/> into
    /// Dapper parameters. Dapper sends a DateTime as datetime by default, which rounds milliseconds to
    /// steps of 1/300 second before the datetime2(3) column stores them. Sent as datetime2, they stay exact.
    /// Dapper parameter objects pass through unchanged.
    /// </summary>
    public static object From(object parameters)
    {
        if (parameters is SqlMapper.IDynamicParameters)
        {
            return parameters;
        }

        var result = new DynamicParameters();
        foreach (var (name, value, type) in Describe(parameters))
        {
            result.Add(name, value, type);
        }

        return result;
    }

    /// <summary>
    /// Lists each parameter's name, value and the type to send it as; null leaves the type to Dapper. A byte
    /// array is sent as binary even when it is null, because SQL Server does not convert a NULL sent as
    /// nvarchar, Dapper's choice for an untyped null, into a varbinary column.
    /// </summary>
    internal static IReadOnlyList<(string Name, object? Value, DbType? Type)> Describe(object parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters is IEnumerable<KeyValuePair<string, object?>> dictionary)
        {
            return [.. dictionary.Select(entry => (entry.Key, entry.Value, TypeOf(entry.Value?.GetType())))];
        }

        return
        [
            .. parameters.GetType()
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.CanRead && property.GetIndexParameters().Length == 0)
                .Select(property => (property.Name, property.GetValue(parameters), TypeOf(property.PropertyType))),
        ];
    }

    private static DbType? TypeOf(Type? type) =>
        type is null ? null
        : (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTime) ? DbType.DateTime2
        : type == typeof(byte[]) ? DbType.Binary
        : null;
}
