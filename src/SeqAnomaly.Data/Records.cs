namespace SeqAnomaly.Data;

/// <summary>
/// A source column after its catalog check: names as the catalog spells them, and the same names
/// quoted by the provider, ready to be placed in SQL.
/// </summary>
/// <param name="Schema">Schema of the table; null on SQLite.</param>
/// <param name="Table">Table name.</param>
/// <param name="KeyColumn">Unique key column.</param>
/// <param name="ValueColumn">Column whose values are scanned.</param>
/// <param name="QuotedTable">Quoted, schema-qualified table name.</param>
/// <param name="QuotedKey">Quoted key column name.</param>
/// <param name="QuotedValue">Quoted value column name.</param>
public sealed record SourceColumn(
    string? Schema,
    string Table,
    string KeyColumn,
    string ValueColumn,
    string QuotedTable,
    string QuotedKey,
    string QuotedValue)
{
    /// <summary>Table name as stored in the product's tables: <c>schema.table</c>, or the bare name on SQLite.</summary>
    public string DisplayTable => Schema is null ? Table : $"{Schema}.{Table}";
}

/// <summary>One source row: its key and value in text form; the value is null for SQL NULL.</summary>
public sealed record SourceRow(string Key, string? Value);

/// <summary>One row's result in a scan.</summary>
public sealed record ScoreRow(string RowKey, string? Value, double Score, bool IsOutlier, string? Explanation);

/// <summary>Loss of one training epoch; <paramref name="ValidationLoss"/> is null when nothing was held out.</summary>
public sealed record EpochRow(int Epoch, double TrainingLoss, double? ValidationLoss);

/// <summary>
/// A model as written to the Models table, before it has an id and version. <paramref name="PortableModel"/>
/// is the export that the SQL CLR functions score, null for models stored before it existed.
/// </summary>
public sealed record ModelRow(
    string Name,
    string SourceTable,
    string SourceColumn,
    string Architecture,
    string EncodingJson,
    string HyperparametersJson,
    long TrainingRows,
    double FinalTrainingLoss,
    double? FinalValidationLoss,
    string ThresholdRule,
    double ThresholdValue,
    byte[] Weights,
    string WeightsSha256,
    byte[]? PortableModel = null,
    string? PortableModelSha256 = null);

/// <summary>A model read back from the Models table.</summary>
public sealed record StoredModel(long ModelId, int Version, DateTime CreatedAt, ModelRow Model);

/// <summary>Counts and threshold of a finished scan, written to its Scans row.</summary>
public sealed record ScanCounts(long RowsRead, long NullsSkipped, long RowsScored, long Outliers, string ThresholdRule, double Threshold);
