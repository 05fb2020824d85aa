namespace SeqAnomaly.Data;

/// <summary>A Models row as Dapper reads it, with settable properties, converted to <see cref="StoredModel"/>.</summary>
internal sealed class ModelRecord
{
    public long ModelId { get; set; }

    public string Name { get; set; } = "";

    public int Version { get; set; }

    public object CreatedAt { get; set; } = "";

    public string SourceTable { get; set; } = "";

    public string SourceColumn { get; set; } = "";

    public string Architecture { get; set; } = "";

    public string EncodingJson { get; set; } = "";

    public string HyperparametersJson { get; set; } = "";

    public long TrainingRows { get; set; }

    public double FinalTrainingLoss { get; set; }

    public double? FinalValidationLoss { get; set; }

    public string ThresholdRule { get; set; } = "";

    public double ThresholdValue { get; set; }

    public byte[] Weights { get; set; } = [];

    public string WeightsSha256 { get; set; } = "";

    public byte[]? PortableModel { get; set; }

    public string? PortableModelSha256 { get; set; }

    public StoredModel ToStoredModel() => new(
        ModelId,
        Version,
        Reports.StoredTimestamp.Read(CreatedAt),
        new ModelRow(
            Name,
            SourceTable,
            SourceColumn,
            Architecture,
            EncodingJson,
            HyperparametersJson,
            TrainingRows,
            FinalTrainingLoss,
            FinalValidationLoss,
            ThresholdRule,
            ThresholdValue,
            Weights,
            WeightsSha256,
            PortableModel,
            PortableModelSha256));
}
