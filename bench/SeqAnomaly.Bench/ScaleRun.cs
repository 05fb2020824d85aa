using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SeqAnomaly.Cli.Scanning;
using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Thresholds;
using SeqAnomaly.Data;

namespace SeqAnomaly.Bench;

/// <summary>The figures of one measurement, printed by the child process as one JSON line.</summary>
public sealed record ScaleFigures(
    string Mode,
    long Rows,
    double Read,
    double Train,
    double Score,
    double Write,
    double Total,
    double PeakRssMegabytes);

/// <summary>
/// One measurement in a process of its own, so that its peak resident memory is its own: the I/O floor, the
/// model floor, or a full or incremental scan through <see cref="ScanRunner"/>.
/// </summary>
public static class ScaleRun
{
    public static async Task<ScaleFigures> RunAsync(string mode, string engine, string connectionString, string table, long rows)
    {
        var figures = mode switch
        {
            "io" => await IoFloorAsync(engine, connectionString, table),
            "model" => ModelFloor(rows),
            "full" => await ScanAsync(engine, connectionString, table, incremental: false),
            "incremental" => await ScanAsync(engine, connectionString, table, incremental: true),
            _ => throw new ArgumentException($"Unknown mode '{mode}'.", nameof(mode)),
        };
        return figures with { Mode = mode, PeakRssMegabytes = PeakRssMegabytes() };
    }

    /// <summary>Peak resident set size of this process (VmHWM), in MiB.</summary>
    public static double PeakRssMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    private static async Task<ScaleFigures> IoFloorAsync(string engine, string connectionString, string table)
    {
        var provider = DatabaseProvider.FromName(engine);
        var store = new AnomalyStore(provider, connectionString);
        var source = await store.ResolveSourceAsync(table, engine == "sqlite" ? "Id" : "id", engine == "sqlite" ? "Serial" : "serial");
        var clock = Stopwatch.StartNew();
        var keys = new List<string>();
        await foreach (var row in store.ReadAsync(source))
        {
            keys.Add(row.Key);
        }

        var read = clock.Elapsed.TotalSeconds;
        clock.Restart();
        if (engine == "sqlite")
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("DROP TABLE IF EXISTS ScaleFloor; CREATE TABLE ScaleFloor (RowKey TEXT, Score REAL);");
            await using var transaction = await connection.BeginTransactionAsync();

            // The same multi-row prepared INSERT as the scan's writer, with no index to maintain.
            await using var insert = connection.CreateCommand();
            var rowsPerInsert = SqliteProvider.RowsPerInsert;
            insert.CommandText = "INSERT INTO ScaleFloor (RowKey, Score) VALUES " +
                string.Join(", ", Enumerable.Range(0, rowsPerInsert).Select(i => $"($k{i}, $s{i})"));
            for (var i = 0; i < rowsPerInsert; i++)
            {
                insert.Parameters.Add(new SqliteParameter($"$k{i}", string.Empty));
                insert.Parameters.Add(new SqliteParameter($"$s{i}", 0.5f));
            }

            insert.Prepare();
            var full = keys.Count - (keys.Count % rowsPerInsert);
            for (var start = 0; start < full; start += rowsPerInsert)
            {
                for (var i = 0; i < rowsPerInsert; i++)
                {
                    insert.Parameters[2 * i].Value = keys[start + i];
                }

                insert.ExecuteNonQuery();
            }

            foreach (var rowKey in keys.Skip(full))
            {
                await connection.ExecuteAsync("INSERT INTO ScaleFloor (RowKey, Score) VALUES (@rowKey, 0.5)", new { rowKey }, transaction);
            }

            await transaction.CommitAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync("DROP TABLE IF EXISTS scale_floor; CREATE TABLE scale_floor (row_key text, score real);");
            await using var copy = await connection.BeginBinaryImportAsync("COPY scale_floor (row_key, score) FROM STDIN (FORMAT BINARY)");
            foreach (var rowKey in keys)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(rowKey, NpgsqlDbType.Text);
                await copy.WriteAsync(0.5f, NpgsqlDbType.Real);
            }

            await copy.CompleteAsync();
        }

        var write = clock.Elapsed.TotalSeconds;
        return new ScaleFigures("io", keys.Count, read, 0, 0, write, read + write, 0);
    }

    private static ScaleFigures ModelFloor(long rows)
    {
        // The model is trained as a scan trains it, on a sample of the same kind of values. Only the network's
        // work on batches already encoded in memory is timed: generating and encoding each batch is not.
        var sample = Enumerable.Range(1, ScanTuning.DefaultSampleSize).Select(i => ScaleData.Serial(i, long.MaxValue)).ToList();
        var trained = ModelCatalog.Train(ModelCatalog.DefaultArchitecture, sample, ModelCatalog.DefaultTrainingOptions(ModelCatalog.DefaultArchitecture));
        using var model = (CharacterModel)trained.Model;
        var batch = new List<string>(CharacterModel.ScoringBatchSize);
        var scoring = TimeSpan.Zero;
        for (long id = 1; id <= rows; id += batch.Count)
        {
            batch.Clear();
            for (var i = 0L; i < CharacterModel.ScoringBatchSize && id + i <= rows; i++)
            {
                batch.Add(ScaleData.Serial(id + i, long.MaxValue));
            }

            var encoded = model.EncodeBatch(batch, 0, batch.Count);
            var clock = Stopwatch.StartNew();
            model.ScoreEncoded(encoded, batch.Count);
            scoring += clock.Elapsed;
        }

        return new ScaleFigures("model", rows, 0, 0, scoring.TotalSeconds, 0, scoring.TotalSeconds, 0);
    }

    private static async Task<ScaleFigures> ScanAsync(string engine, string connectionString, string table, bool incremental)
    {
        var store = new AnomalyStore(DatabaseProvider.FromName(engine), connectionString);
        var architecture = ModelCatalog.DefaultArchitecture;
        var request = new ScanRequest(
            table,
            engine == "sqlite" ? "Id" : "id",
            engine == "sqlite" ? "Serial" : "serial",
            $"bench.{table}",
            architecture,
            ThresholdRule.Parse(ModelCatalog.DefaultThresholdRule(architecture)),
            ModelCatalog.DefaultTrainingOptions(architecture),
            new ScanTuning(),
            incremental);
        var clock = Stopwatch.StartNew();
        var result = await new ScanRunner(store).RunAsync(request, topCount: 0);
        var total = clock.Elapsed.TotalSeconds;
        return new ScaleFigures(
            incremental ? "incremental" : "full",
            result.Counts.RowsRead,
            result.ReadTime.TotalSeconds,
            result.TrainingTime.TotalSeconds,
            result.ScoringTime.TotalSeconds,
            result.WriteTime.TotalSeconds,
            total,
            0);
    }

    /// <summary>Serialises figures as the child's one output line.</summary>
    public static string ToJson(ScaleFigures figures) => JsonSerializer.Serialize(figures);
}
