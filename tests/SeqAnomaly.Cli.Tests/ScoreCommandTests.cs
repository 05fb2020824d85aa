using System.Text.Json;

namespace SeqAnomaly.Cli.Tests;

public sealed class ScoreCommandTests(ScannedDatabase database) : IClassFixture<ScannedDatabase>
{
    [Fact]
    public async Task Score_PlantedAndTypicalValues_FlagsOnlyPlanted()
    {
        var (exitCode, output, _) = await CliRun.RunSplitAsync(null, Score(ScannedDatabase.Planted, "AB1Q", "--json"));

        Assert.Equal(ExitCodes.Success, exitCode);
        var results = JsonDocument.Parse(output).RootElement.GetProperty("results");
        Assert.Equal(ScannedDatabase.Planted, results[0].GetProperty("value").GetString());
        Assert.True(results[0].GetProperty("isOutlier").GetBoolean());
        Assert.False(results[1].GetProperty("isOutlier").GetBoolean());
        Assert.True(results[0].GetProperty("score").GetDouble() > results[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Score_StoredValue_MatchesStoredScore()
    {
        var stored = database.File.Scalar<double>(
            "SELECT Score FROM SequenceScores WHERE Value = @value", new { value = ScannedDatabase.Planted });

        var (_, output, _) = await CliRun.RunSplitAsync(null, Score(ScannedDatabase.Planted, "--json"));

        var score = JsonDocument.Parse(output).RootElement.GetProperty("results")[0].GetProperty("score").GetDouble();
        // A stored model scores a value to the same bits whether alone or in a scan.
        Assert.Equal(stored, score);
    }

    [Fact]
    public async Task Score_OneWrongCharacter_ExplanationNamesItsPosition()
    {
        var (exitCode, output) = await CliRun.RunAsync(Score("AB1%"));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("AB1%", output, StringComparison.Ordinal);
        Assert.Contains("position 4: '%'", output, StringComparison.Ordinal);
        Assert.Contains("yes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Json_PrintsOnlyOneDocument()
    {
        var (exitCode, output, error) = await CliRun.RunSplitAsync(null, Score("AB1Q", "--json"));

        Assert.Equal(ExitCodes.Success, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(ScannedDatabase.ModelName, root.GetProperty("model").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(ScannedDatabase.Threshold, root.GetProperty("thresholdRule").GetString());
        Assert.True(root.GetProperty("threshold").GetDouble() > 0);
        var result = root.GetProperty("results")[0];
        Assert.Equal("AB1Q", result.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.String, result.GetProperty("explanation").ValueKind);
        Assert.Equal(4, result.GetProperty("positionScores").GetArrayLength());
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task Score_StandardInput_ScoresEachNonEmptyLine()
    {
        var (exitCode, output, _) = await CliRun.RunSplitAsync("AB1Q\n\nCD2W\r\nzz9999zz\n", Score("--json"));

        Assert.Equal(ExitCodes.Success, exitCode);
        var values = JsonDocument.Parse(output).RootElement.GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("value").GetString())
            .ToList();
        Assert.Equal(["AB1Q", "CD2W", "zz9999zz"], values);
    }

    [Fact]
    public async Task Score_UnknownModel_ExitsTwoNamingIt()
    {
        var (exitCode, output) = await CliRun.RunAsync(
            "score", "--connection", database.ConnectionString, "--model", "Parts.Nope", "AB1Q");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Model 'Parts.Nope' was not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnknownModelWithJson_PrintsErrorDocument()
    {
        var (exitCode, output, error) = await CliRun.RunSplitAsync(
            null, "score", "--connection", database.ConnectionString, "--model", "Parts.Nope", "--json", "AB1Q");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        var document = JsonDocument.Parse(output).RootElement.GetProperty("error");
        Assert.Equal(ExitCodes.InvalidInput, document.GetProperty("exitCode").GetInt32());
        Assert.Contains("Parts.Nope", document.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Parts.Nope", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_QuietAndVerbose_ExitsTwo()
    {
        var (exitCode, output) = await CliRun.RunAsync(Score("AB1Q", "--quiet", "--verbose"));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("--quiet and --verbose", output, StringComparison.Ordinal);
    }

    private string[] Score(params string[] extra) =>
        ["score", "--connection", database.ConnectionString, "--model", ScannedDatabase.ModelName, .. extra];
}
