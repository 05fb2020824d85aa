using System.Text.RegularExpressions;

namespace SeqAnomaly.Reliability.Tests;

/// <summary>Finds the interpolation holes of every interpolated string in the product's source that reads as SQL.</summary>
internal static partial class SqlTextAudit
{
    public static string SourceRoot { get; } = FindRoot();

    /// <summary>Returns (file:line, hole expression) for each hole of a SQL-looking interpolated string.</summary>
    public static IEnumerable<(string Where, string Hole)> Holes(params string[] projects)
    {
        foreach (var project in projects)
        {
            var folder = Path.Combine(SourceRoot, "src", project);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                foreach (Match literal in InterpolatedLiteral().Matches(text))
                {
                    if (!SqlKeyword().IsMatch(literal.Value))
                    {
                        continue;
                    }

                    var line = text[..literal.Index].Count(c => c == '\n') + 1;
                    foreach (var hole in ExtractHoles(literal.Value))
                    {
                        yield return ($"{Path.GetRelativePath(SourceRoot, file)}:{line}", hole);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> ExtractHoles(string literal)
    {
        var raw = literal.StartsWith("$\"\"\"", StringComparison.Ordinal);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '{')
            {
                continue;
            }

            if (!raw && i + 1 < literal.Length && literal[i + 1] == '{')
            {
                i++;
                continue;
            }

            var depth = 1;
            var start = i + 1;
            while (++i < literal.Length && depth > 0)
            {
                depth += literal[i] switch { '{' => 1, '}' => -1, _ => 0 };
            }

            var hole = literal[start..(i - 1)];
            // A format such as {rows:N0} formats a number; the expression is what matters.
            var format = FormatSuffix().Match(hole);
            yield return (format.Success ? hole[..format.Index] : hole).Trim();
            i--;
        }
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SeqAnomaly.Db.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The solution folder was not found above the test's output.");
    }

    // A raw literal, or a regular one whose holes may contain quoted strings, such as {ObjectName("Scans")}.
    [GeneratedRegex("\\$\"\"\".*?\"\"\"|\\$@?\"(?:\\{[^{}\\n]*(?:\\{[^{}\\n]*\\}[^{}\\n]*)*\\}|[^\"\\\\\\n{]|\\\\.)*\"", RegexOptions.Singleline)]
    private static partial Regex InterpolatedLiteral();

    [GeneratedRegex(@"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|FROM|JOIN|COPY|CREATE|DROP|ALTER|EXEC|VALUES|WHERE|SET|RETURNING|ORDER BY|GROUP BY)\b")]
    private static partial Regex SqlKeyword();

    [GeneratedRegex(@":[A-Za-z0-9#.,]+$")]
    private static partial Regex FormatSuffix();
}
