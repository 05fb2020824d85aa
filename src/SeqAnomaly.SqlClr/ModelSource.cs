using System.Data;
using System.Data.SqlClient;
using SeqAnomaly.SqlClr.Portable;

namespace SeqAnomaly.SqlClr;

/// <summary>Reads the active model of a name, its latest version, through the calling session's context connection.</summary>
internal static class ModelSource
{
    // The same choice as the worker's model lookup: the highest Version of the name. HASHBYTES recomputes the
    // export's SHA-256 on the server, so the assembly needs no cryptography class.
    private const string LatestModel =
        "SELECT TOP (1) ModelId, Version, PortableModel, PortableModelSha256, " +
        "CONVERT(char(64), HASHBYTES('SHA2_256', PortableModel), 2) AS ComputedSha256 " +
        "FROM anomaly.Models WHERE Name = @Name ORDER BY Version DESC;";

    /// <summary>Loads the latest version of <paramref name="name"/>.</summary>
    /// <exception cref="PortableModelException">The model is missing, has no portable export, or its export is damaged.</exception>
    public static PortableModel Load(string name)
    {
        using var connection = new SqlConnection("context connection=true");
        connection.Open();
        using var command = new SqlCommand(LatestModel, connection);
        command.Parameters.Add("@Name", SqlDbType.NVarChar, 200).Value = name;
        using var reader = command.ExecuteReader(CommandBehavior.SingleRow);
        if (!reader.Read())
        {
            return StoredPortableModel.Load(name, null);
        }

        var row = new StoredPortableModel(
            reader.GetInt64(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetSqlBinary(2).Value,
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4));
        return StoredPortableModel.Load(name, row);
    }
}
