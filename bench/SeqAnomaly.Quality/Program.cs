using System.Globalization;
using SeqAnomaly.Quality;

const string Usage = "usage: SeqAnomaly.Quality quality [--only demo|generated|hospital] [--sample-size N] [--epochs N] [--verbose]";
if (args.Length == 0 || args[0] != "quality")
{
    Console.Error.WriteLine(Usage);
    return 2;
}

string? only = null;
string? sampleText = null;
string? epochsText = null;
var verbose = false;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--verbose":
            verbose = true;
            break;
        case "--only" when i + 1 < args.Length && args[i + 1] is "demo" or "generated" or "hospital":
            only = args[++i];
            break;
        case "--sample-size" when i + 1 < args.Length:
            sampleText = args[++i];
            break;
        case "--epochs" when i + 1 < args.Length:
            epochsText = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Invalid or incomplete option '{args[i]}'. {Usage}");
            return 2;
    }
}

if (!TryParseCount("--sample-size", sampleText, out var sampleSize) || !TryParseCount("--epochs", epochsText, out var epochs))
{
    return 2;
}

var results = new List<Detection>();

void Measure(LabeledColumn column, int seed)
{
    foreach (var detection in new QualityBenchmark(seed, verbose, sampleSize, epochs).Run(column))
    {
        results.Add(detection);
        Console.Error.WriteLine(Table.Row(detection));
    }
}

if (only is null or "demo")
{
    foreach (var seed in new[] { 1, 2, 3, 4, 5 })
    {
        Measure(DemoSerials.Generate(seed), seed);
    }
}

if (only is null or "generated")
{
    foreach (var column in GeneratedColumns.All(seed: 11))
    {
        Measure(column, 11);
    }
}

if (only is null or "hospital")
{
    var folder = HospitalColumns.Locate(Directory.GetCurrentDirectory());
    if (folder is null)
    {
        Console.Error.WriteLine(
            "The hospital data was not found: no folder above the current one contains shared/datasets/hospital "
            + "or ../shared/datasets/hospital with dirty.csv and clean.csv. Run from inside the repository, with "
            + "shared/ in it or beside it.");
        return 1;
    }

    foreach (var column in HospitalColumns.Load(folder))
    {
        Measure(column, 11);
    }
}

Console.WriteLine(Table.Header);
foreach (var detection in results)
{
    Console.WriteLine(Table.Row(detection));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cores: {Environment.ProcessorCount}"));
return 0;

static bool TryParseCount(string option, string? text, out int? count)
{
    count = null;
    if (text is null)
    {
        return true;
    }

    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
    {
        Console.Error.WriteLine($"{option} must be a whole number of at least 1, not '{text}'.");
        return false;
    }

    count = parsed;
    return true;
}
