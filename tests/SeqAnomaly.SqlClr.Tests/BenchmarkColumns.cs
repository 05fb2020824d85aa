using SeqAnomaly.Quality;

namespace SeqAnomaly.SqlClr.Tests;

/// <summary>The quality benchmark's columns by name, cut to <see cref="MaxValues"/> values each.</summary>
internal static class BenchmarkColumns
{
    /// <summary>Values taken from each column.</summary>
    public const int MaxValues = 10_000;

    private const int Seed = 11;

    /// <summary>Names of the columns: the demo serials, the generated columns and, where its files are found, the hospital columns.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All().Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Returns the values of the column named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Values(string name) => All()[name];

    private static SortedDictionary<string, IReadOnlyList<string>> All()
    {
        var columns = new List<LabeledColumn> { DemoSerials.Generate(Seed) };
        columns.AddRange(GeneratedColumns.All(Seed));
        var hospital = HospitalColumns.Locate(AppContext.BaseDirectory);
        if (hospital is not null)
        {
            columns.AddRange(HospitalColumns.Load(hospital));
        }

        var all = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            all.Add(column.Name, [.. column.Values.Take(MaxValues)]);
        }

        return all;
    }
}
