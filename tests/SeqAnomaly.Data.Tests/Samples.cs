using System.Security.Cryptography;

namespace SeqAnomaly.Data.Tests;

/// <summary>Source tables and rows that the store tests share.</summary>
internal static class Samples
{
    /// <summary>Creates table Parts (Id, Serial) with serials AB100 to AB104 and one NULL serial under key 6.</summary>
    public static Task CreatePartsAsync(TestDatabase database) =>
        database.ExecuteAsync(
            """
            CREATE TABLE Parts (Id integer NOT NULL, Serial varchar(20) NULL);
            INSERT INTO Parts (Id, Serial) VALUES (1, 'AB100'), (2, 'AB101'), (3, 'AB102'), (4, 'AB103'), (5, 'AB104'), (6, NULL);
            """);

    public static ModelRow Model(string name = "parts-serial", string sourceTable = "Parts")
    {
        var weights = new byte[] { 1, 2, 3, 250, 0, 7 };
        return new ModelRow(
            name,
            sourceTable,
            "Serial",
            "classic-8-4-8",
            """{"vocabulary":"0123456789ABCDEF","width":5}""",
            """{"epochs":2}""",
            TrainingRows: 5,
            FinalTrainingLoss: 0.125,
            FinalValidationLoss: null,
            ThresholdRule: "percentile:99.98",
            ThresholdValue: 0.5,
            weights,
            Convert.ToHexStringLower(SHA256.HashData(weights)));
    }

    public static IReadOnlyList<EpochRow> History { get; } =
        [new EpochRow(1, 0.5, 0.6), new EpochRow(2, 0.125, null)];

    /// <summary>Scores for the Parts rows where keys 3 and 5 are the outliers.</summary>
    public static IReadOnlyList<ScoreRow> PartsScores { get; } =
    [
        new ScoreRow("1", "AB100", 0.01, false, null),
        new ScoreRow("2", "AB101", 0.02, false, null),
        new ScoreRow("3", "AB102", 0.90, true, "position 5: '2' is rare here"),
        new ScoreRow("4", "AB103", 0.03, false, null),
        new ScoreRow("5", "AB104", 0.70, true, null),
    ];

    public static ScanCounts PartsCounts { get; } = new(6, 1, 5, 2, "percentile:99.98", 0.5);
}
