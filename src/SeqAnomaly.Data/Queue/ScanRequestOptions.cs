using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data.Queue;

/// <summary>
/// The options of a scan request, parsed from its JSON object; every option is optional. The checks match those of
/// the database's <c>anomaly.RequestScan</c>, except the architecture, which the caller checks against the
/// <c>ScanArchitectures</c> table.
/// </summary>
/// <param name="ModelName">Name the model is stored under.</param>
/// <param name="Architecture">Model architecture.</param>
/// <param name="Threshold">Threshold rule, such as <c>quantile:0.9998</c>.</param>
/// <param name="Epochs">Training epochs, at least 1.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Retrain">Whether to train a new model version.</param>
public sealed partial record ScanRequestOptions(
    string? ModelName, string? Architecture, string? Threshold, int? Epochs, int? Seed, bool? Retrain)
{
    /// <summary>Option names a request may use, as its JSON keys.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["modelName", "architecture", "threshold", "epochs", "seed", "retrain"];

    /// <summary>Accepted threshold forms, for error messages.</summary>
    public const string ThresholdForms =
        "auto, quantile:Q with 0 < Q < 1, top:N with N a whole number of at least 1, mad:K with K > 0, or value:X";

    /// <summary>Parses and checks a JSON object of options; null or blank means no options.</summary>
    /// <exception cref="InvalidInputException">The text is not a JSON object, or an option is unknown or invalid.</exception>
    public static ScanRequestOptions Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ScanRequestOptions(null, null, null, null, null, null);
        }

        using var document = ParseObject(json);
        var root = document.RootElement;
        var unknown = root.EnumerateObject().Select(p => p.Name).Where(name => !Names.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidInputException(
                $"Unknown option {string.Join(", ", unknown.Select(name => $"'{name}'"))}: " +
                "expected modelName, architecture, threshold, epochs, seed or retrain.");
        }

        return new ScanRequestOptions(
            ReadModelName(root),
            ReadString(root, "architecture", "the name of an architecture"),
            ReadThreshold(root),
            ReadInteger(root, "epochs", 1, "a whole number of at least 1"),
            ReadInteger(root, "seed", int.MinValue, "a whole number from -2147483648 to 2147483647"),
            ReadBoolean(root));
    }

    private static JsonDocument ParseObject(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new InvalidInputException($"Options '{json}' are invalid: expected a JSON object. {error.Message}", error);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidInputException($"Options '{json}' are invalid: expected a JSON object.");
        }

        return document;
    }

    private static string? ReadModelName(JsonElement root)
    {
        var name = ReadString(root, "modelName", "a non-blank string of at most 200 characters");
        return name is not null && (string.IsNullOrWhiteSpace(name) || name.Length > 200)
            ? throw Invalid(root.GetProperty("modelName"), "modelName", "a non-blank string of at most 200 characters")
            : name;
    }

    private static string? ReadThreshold(JsonElement root)
    {
        var rule = ReadString(root, "threshold", ThresholdForms);
        return rule is null || IsThresholdRule(rule) ? rule : throw Invalid(root.GetProperty("threshold"), "threshold", ThresholdForms);
    }

    /// <summary>Whether <paramref name="rule"/> has one of the threshold forms that RequestScan accepts.</summary>
    public static bool IsThresholdRule(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule == "auto" || TopRule().IsMatch(rule) || ValueRule().IsMatch(rule))
        {
            return true;
        }

        if (QuantileRule().IsMatch(rule))
        {
            return decimal.Parse(rule["quantile:".Length..], CultureInfo.InvariantCulture) > 0;
        }

        return MadRule().IsMatch(rule) && double.Parse(rule["mad:".Length..], CultureInfo.InvariantCulture) > 0;
    }

    private static string? ReadString(JsonElement root, string name, string expected)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(value, name, expected);
    }

    private static int? ReadInteger(JsonElement root, string name, int minimum, string expected)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        // A JSON number such as 2.0 or 1e1 is not a whole number as written, and RequestScan rejects it too.
        var written = value.GetRawText();
        return value.ValueKind == JsonValueKind.Number && IntegerText().IsMatch(written)
            && int.TryParse(written, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= minimum
            ? number
            : throw Invalid(value, name, expected);
    }

    private static bool? ReadBoolean(JsonElement root)
    {
        if (!root.TryGetProperty("retrain", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(value, "retrain", "true or false"),
        };
    }

    private static InvalidInputException Invalid(JsonElement value, string name, string expected) =>
        new($"Invalid value '{value.GetRawText()}' for option {name}: expected {expected}.");

    [GeneratedRegex(@"^quantile:0*\.[0-9]+\z")]
    private static partial Regex QuantileRule();

    [GeneratedRegex(@"^top:0*[1-9][0-9]{0,8}\z")]
    private static partial Regex TopRule();

    [GeneratedRegex(@"^mad:([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,3})?\z")]
    private static partial Regex MadRule();

    [GeneratedRegex(@"^value:[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,3})?\z")]
    private static partial Regex ValueRule();

    [GeneratedRegex(@"^-?[0-9]{1,10}\z")]
    private static partial Regex IntegerText();
}
