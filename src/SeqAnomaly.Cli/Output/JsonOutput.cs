using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace SeqAnomaly.Cli.Output;

/// <summary>Writes one JSON document to standard output, unwrapped and without markup, for <c>--json</c>.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serializes <paramref name="document"/> with camelCase names and writes it as the only output.</summary>
    public static void Write<T>(IAnsiConsole console, T document)
    {
        // The profile's writer bypasses Spectre's line wrapping, which would break long strings.
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(JsonSerializer.Serialize(document, s_options));
        writer.Flush();
    }
}
