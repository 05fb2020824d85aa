using System.Diagnostics;
using System.Text.Json;
using Dapper;
using SeqAnomaly.Data;
using Spectre.Console;

namespace SeqAnomaly.Bench;

/// <summary>
/// Measures, per engine and table size, the I/O floor, the model floor and the full scan, each in a child
/// process of its own. At 1,000,000 rows it also measures a column of few distinct values and an incremental
/// scan after adding 1% new rows.
/// </summary>
public static class ScaleBenchmark
{
    private const long RepeatedDistinct = 1_000;

    public static async Task<int> RunAsync(IReadOnlyList<(string Engine, string Connection)> engines, IReadOnlyList<long> sizes)
    {
        // Redirected output has no terminal width, and the table and summary lines need more than 80 columns.
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        var rows = new List<(string Engine, ScaleFigures Io, ScaleFigures Model, ScaleFigures Full)>();
        var extras = new List<string>();
        foreach (var (engine, connection) in engines)
        {
            new AnomalyStore(DatabaseProvider.FromName(engine), connection).Migrate(_ => { });
            foreach (var size in sizes)
            {
                var table = $"scale_{size}";
                var generation = await ScaleData.EnsureTableAsync(engine, connection, table, size, long.MaxValue);
                AnsiConsole.MarkupLineInterpolated($"[grey]{engine} {size:N0} rows: table ready ({generation:F1} s to generate).[/]");
                var io = await MeasureAsync("io", engine, connection, table, size);
                var model = await MeasureAsync("model", engine, connection, table, size);
                var full = await MeasureAsync("full", engine, connection, table, size);
                rows.Add((engine, io, model, full));
                if (size == 1_000_000)
                {
                    extras.AddRange(await ExtrasAsync(engine, connection, table, size, full));
                }
            }
        }

        Print(rows);
        foreach (var line in extras)
        {
            AnsiConsole.WriteLine(line);
        }

        return 0;
    }

    private static async Task<IEnumerable<string>> ExtrasAsync(string engine, string connection, string table, long size, ScaleFigures full)
    {
        var repeated = $"scale_repeat_{size}";
        await ScaleData.EnsureTableAsync(engine, connection, repeated, size, RepeatedDistinct);
        var few = await MeasureAsync("full", engine, connection, repeated, size);

        var added = size / 100;
        await AddRowsAsync(engine, connection, table, size, added);
        ScaleFigures incremental;
        try
        {
            incremental = await MeasureAsync("incremental", engine, connection, table, size);
        }
        finally
        {
            await RemoveRowsAsync(engine, connection, table, size);
        }

        return
        [
            $"{engine}: {size:N0} rows with {RepeatedDistinct:N0} distinct values scanned in {few.Total:F2} s, " +
            $"{full.Total / few.Total:F1} times faster than {size:N0} distinct values ({full.Total:F2} s).",
            $"{engine}: incremental scan of {added:N0} new rows took {incremental.Total:F2} s, " +
            $"{incremental.Total / full.Total:P1} of the full scan (read {incremental.Read:F2} s, score {incremental.Score:F2} s, write {incremental.Write:F2} s).",
        ];
    }

    /// <summary>
    /// Runs one measurement. On PostgreSQL it first vacuums and analyzes the source table and the scores, so
    /// that autovacuum does not work on the rows of the previous step while this one is timed.
    /// </summary>
    private static async Task<ScaleFigures> MeasureAsync(string mode, string engine, string connection, string table, long rows)
    {
        if (engine == "postgres")
        {
            await using var db = DatabaseProvider.FromName(engine).CreateConnection(connection);
            await db.OpenAsync();
            await db.ExecuteAsync($"VACUUM (ANALYZE) {table}", commandTimeout: 0);
            await db.ExecuteAsync("VACUUM (ANALYZE) anomaly.SequenceScores", commandTimeout: 0);
        }

        return Child(mode, engine, connection, table, rows);
    }

    private static ScaleFigures Child(string mode, string engine, string connection, string table, long rows)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "scale-run", mode, engine, table, rows.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // The connection string goes through the environment, so it does not show in the process list.
        start.Environment["SEQANOMALY_CONNECTION"] = connection;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {mode} measurement on {engine} ({table}) failed with exit code {child.ExitCode}.");
        }

        var figures = JsonSerializer.Deserialize<ScaleFigures>(output.Trim().Split('\n')[^1])!;
        AnsiConsole.MarkupLineInterpolated($"[grey]{engine} {table} {mode}: {figures.Total:F2} s, peak RSS {figures.PeakRssMegabytes:F0} MiB.[/]");
        return figures;
    }

    private static async Task AddRowsAsync(string engine, string connection, string table, long size, long added)
    {
        await using var db = DatabaseProvider.FromName(engine).CreateConnection(connection);
        await db.OpenAsync();
        await using var transaction = await db.BeginTransactionAsync();
        var rows = Enumerable.Range(1, (int)added).Select(i => new { Id = size + i, Serial = ScaleData.Serial(size + i + 7_000_000_000L, long.MaxValue) });
        await db.ExecuteAsync($"INSERT INTO {table} VALUES (@Id, @Serial)", rows, transaction);
        await transaction.CommitAsync();
    }

    private static async Task RemoveRowsAsync(string engine, string connection, string table, long size)
    {
        await using var db = DatabaseProvider.FromName(engine).CreateConnection(connection);
        await db.OpenAsync();
        await db.ExecuteAsync($"DELETE FROM {table} WHERE {(engine == "sqlite" ? "Id" : "id")} > @size", new { size });
    }

    private static void Print(List<(string Engine, ScaleFigures Io, ScaleFigures Model, ScaleFigures Full)> rows)
    {
        var table = new Table().Title("Scan throughput against its floors");
        table.AddColumns(
            "Engine", "Rows", "I/O floor rows/s", "Model floor rows/s", "Full scan rows/s", "Full / slower floor",
            "Read s", "Train s", "Score s", "Write s", "Peak RSS MiB");
        foreach (var (engine, io, model, full) in rows)
        {
            var ioRate = io.Rows / io.Total;
            var modelRate = model.Rows / model.Total;
            var fullRate = full.Rows / full.Total;
            table.AddRow(
                engine,
                full.Rows.ToString("N0"),
                ioRate.ToString("N0"),
                modelRate.ToString("N0"),
                fullRate.ToString("N0"),
                (fullRate / Math.Min(ioRate, modelRate)).ToString("F2"),
                full.Read.ToString("F2"),
                full.Train.ToString("F2"),
                full.Score.ToString("F2"),
                full.Write.ToString("F2"),
                full.PeakRssMegabytes.ToString("F0"));
        }

        AnsiConsole.Write(table);
    }
}
