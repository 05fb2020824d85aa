using System.Data.SqlTypes;
using Microsoft.SqlServer.Server;

namespace SeqAnomaly.SqlClr;

/// <summary>
/// Scalar functions that score one value with the latest model of a name, as a scan would: the same score,
/// outlier flag and explanation. Each call reads and parses the model again, because a SAFE assembly may keep
/// no cache between calls. They are not deterministic, since a new scan can store a new version of the model.
/// </summary>
public static class AnomalyFunctions
{
    /// <summary>Returns the anomaly score of <paramref name="value"/>, or NULL for a NULL value.</summary>
    [SqlFunction(Name = "ScoreValue", DataAccess = DataAccessKind.Read, IsDeterministic = false, IsPrecise = false)]
    public static SqlDouble ScoreValue(SqlString modelName, SqlString value)
    {
        if (value.IsNull)
        {
            return SqlDouble.Null;
        }

        return ModelSource.Load(Name(modelName)).Score(value.Value);
    }

    /// <summary>Returns 1 when the score of <paramref name="value"/> is above the model's threshold, 0 when not, and NULL for a NULL value.</summary>
    [SqlFunction(Name = "IsAnomalous", DataAccess = DataAccessKind.Read, IsDeterministic = false, IsPrecise = false)]
    public static SqlBoolean IsAnomalous(SqlString modelName, SqlString value)
    {
        if (value.IsNull)
        {
            return SqlBoolean.Null;
        }

        return ModelSource.Load(Name(modelName)).IsAnomalous(value.Value);
    }

    /// <summary>Explains the score of <paramref name="value"/> in the words a scan stores, or returns NULL for a NULL value.</summary>
    [SqlFunction(Name = "ExplainValue", DataAccess = DataAccessKind.Read, IsDeterministic = false, IsPrecise = false)]
    [return: SqlFacet(MaxSize = -1)]
    public static SqlString ExplainValue(SqlString modelName, SqlString value)
    {
        if (value.IsNull)
        {
            return SqlString.Null;
        }

        return ModelSource.Load(Name(modelName)).Explain(value.Value);
    }

    private static string Name(SqlString modelName)
    {
        if (modelName.IsNull)
        {
            throw new System.ArgumentNullException(nameof(modelName), "The model name is NULL. Pass the name of a stored model.");
        }

        return modelName.Value;
    }
}
