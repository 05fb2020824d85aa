using System.Globalization;

namespace SeqAnomaly.Data.Reports;

/// <summary>Reads the product's timestamp columns, which SQLite stores as UTC text and the servers as date types.</summary>
internal static class StoredTimestamp
{
    public static DateTime Read(object value) => value switch
    {
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        string text => DateTime.ParseExact(
            text,
            SqliteProvider.TimestampFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidOperationException($"Unexpected timestamp type {value.GetType().Name}."),
    };
}
