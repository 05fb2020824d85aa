namespace SeqAnomaly.Quality;

/// <summary>
/// Strict-format columns of the hospital data cleaning benchmark: a cell is an error where the dirty
/// file differs from the clean one. The clean file names its columns differently, so columns are matched
/// by position.
/// </summary>
public static class HospitalColumns
{
    /// <summary>Columns of the dirty file that have a strict format.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["provider_number", "zip", "phone", "state", "measure_code", "score"];

    /// <summary>
    /// Finds the folder <c>shared/datasets/hospital</c> by walking up from <paramref name="start"/>, looking in
    /// each folder and in its parent's <c>shared</c> folder, since CI puts shared/ beside the repository.
    /// </summary>
    public static string? Locate(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(folder.FullName, "shared", "datasets", "hospital"),
                Path.Combine(folder.FullName, "..", "shared", "datasets", "hospital"),
            })
            {
                if (File.Exists(Path.Combine(candidate, "dirty.csv")) && File.Exists(Path.Combine(candidate, "clean.csv")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>Loads the strict-format columns from <paramref name="folder"/>.</summary>
    public static IReadOnlyList<LabeledColumn> Load(string folder)
    {
        var dirty = ReadCsv(Path.Combine(folder, "dirty.csv"));
        var clean = ReadCsv(Path.Combine(folder, "clean.csv"));
        if (dirty.Count != clean.Count)
        {
            throw new InvalidDataException(
                $"dirty.csv has {dirty.Count} rows but clean.csv has {clean.Count}; they must match row by row.");
        }

        var columns = new List<LabeledColumn>();
        foreach (var name in Columns)
        {
            var index = dirty[0].IndexOf(name);
            if (index < 0)
            {
                throw new InvalidDataException($"dirty.csv has no column '{name}'.");
            }

            var rows = Enumerable.Range(1, dirty.Count - 1).ToArray();
            columns.Add(new LabeledColumn(
                $"hospital {name}",
                [.. rows.Select(row => dirty[row][index])],
                [.. rows.Select(row => !string.Equals(dirty[row][index], clean[row][index], StringComparison.Ordinal))]));
        }

        return columns;
    }

    /// <summary>Reads a comma-separated file with double-quoted fields, as RFC 4180 writes them.</summary>
    private static List<List<string>> ReadCsv(string path)
    {
        var rows = new List<List<string>>();
        var text = File.ReadAllText(path);
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\n':
                    row.Add(field.ToString().TrimEnd('\r'));
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
