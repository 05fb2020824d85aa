namespace SeqAnomaly.SqlServer.Tests;

/// <summary>Columns that the product inserts into its identity tables, as in the migrations.</summary>
internal static class ProductColumns
{
    public static IReadOnlyList<string> ModelInsert { get; } =
    [
        "Name", "Version", "CreatedAt", "SourceTable", "SourceColumn", "Architecture", "EncodingJson",
        "HyperparametersJson", "TrainingRows", "FinalTrainingLoss", "FinalValidationLoss", "ThresholdRule",
        "ThresholdValue", "Weights", "WeightsSha256", "PortableModel", "PortableModelSha256",
    ];

    public static IReadOnlyList<string> ScanInsert { get; } =
        ["ModelId", "SourceTable", "KeyColumn", "ValueColumn", "StartedAt", "Status"];
}
