using System.Diagnostics;
using System.Security.Cryptography;
using SeqAnomaly.Core;
using SeqAnomaly.Core.Encoding;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Core.Sampling;
using SeqAnomaly.Core.Scoring;
using SeqAnomaly.Data;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>
/// Runs one scan in three passes, with memory bounded whatever the table's size. The read pass streams
/// the source once into a temporary spool while sampling training values. The scoring pass scores
/// every spooled row, each distinct value once, and then the threshold is set. The write pass
/// streams the scores into the database. Nothing is written before the input is known to be usable.
/// After that, the scan row shows Running until the results are committed together with the
/// Succeeded status, or it shows Failed.
/// </summary>
public sealed class ScanRunner(AnomalyStore store)
{
    /// <summary>Rows between two progress reports of the same step.</summary>
    internal const int ProgressInterval = 100_000;

    /// <summary>Runs <paramref name="request"/>, reporting each step and training epoch to <paramref name="progress"/>.</summary>
    public async Task<ScanResult> RunAsync(
        ScanRequest request, IProgress<ScanProgress>? progress = null, int topCount = 20, CancellationToken cancellationToken = default)
    {
        var source = await store.ResolveSourceAsync(request.Table, request.KeyColumn, request.ValueColumn, cancellationToken);
        request = request with { ModelName = request.ModelName ?? $"{source.DisplayTable}.{source.ValueColumn}" };
        if (request.Incremental)
        {
            var reused = await FindReusableModelAsync(request, source, progress, cancellationToken);
            if (reused is not null)
            {
                return await RunIncrementalAsync(request, source, reused.Value.Model, reused.Value.BaseScanId, progress, topCount, cancellationToken);
            }
        }

        var timings = new ScanTimings();
        using var spool = new RowSpool();
        var sample = new ReservoirSample<string>(request.Tuning.SampleSize, request.Training.Seed);
        var clock = Stopwatch.StartNew();
        var (rowsRead, longest) = await ReadAsync(source, store.ReadAsync(source, cancellationToken), spool, sample, progress);
        timings.Read = clock.Elapsed;
        if (spool.Count == 0)
        {
            throw new InvalidInputException(rowsRead == 0
                ? $"Table '{source.DisplayTable}' is empty; there is nothing to scan."
                : $"Column '{source.ValueColumn}' of table '{source.DisplayTable}' contains only NULL values; there is nothing to scan.");
        }

        ModelCatalog.CheckLongestValue(request.Architecture, longest, request.Tuning.MaxLength);

        // The input is usable, so the product's tables may now be created or upgraded.
        store.Migrate(_ => { });
        var scanId = await store.StartScanAsync(source, cancellationToken: cancellationToken);
        try
        {
            var pass = new ScanPass(request, source, scanId, rowsRead, longest, timings, progress, topCount);
            return await TrainScoreAndStoreAsync(pass, spool, sample.Items, cancellationToken);
        }
        catch (Exception error)
        {
            // The scan's own connection may be gone, so the Failed mark must not hide the original error.
            await MarkFailedAsync(scanId, error);
            throw;
        }
    }

    private async Task<(StoredModel Model, long BaseScanId)?> FindReusableModelAsync(
        ScanRequest request, SourceColumn source, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        store.Migrate(_ => { });
        var stored = await store.FindModelAsync(request.ModelName!, cancellationToken);
        if (stored is not null && (stored.Model.SourceTable != source.DisplayTable || stored.Model.SourceColumn != source.ValueColumn))
        {
            throw new InvalidInputException(
                $"Model '{request.ModelName}' was trained on {stored.Model.SourceTable}.{stored.Model.SourceColumn}, not on " +
                $"{source.DisplayTable}.{source.ValueColumn}; an incremental scan must reuse a model of the same column.");
        }

        var baseScan = stored is null ? null : await store.FindBaseScanAsync(stored.ModelId, cancellationToken);
        if (stored is null || baseScan is null)
        {
            progress?.Report(new ScanProgress(
                ScanStage.Reading, 0, null, $"Model '{request.ModelName}' has no full scan yet, so this scan trains one and scores every row."));
            return null;
        }

        // Rows are matched to earlier scores by key, so a different key would score every row again.
        if (baseScan.KeyColumn != source.KeyColumn)
        {
            throw new InvalidInputException(
                $"Model '{request.ModelName}' scored {source.DisplayTable} by key column '{baseScan.KeyColumn}', not " +
                $"'{source.KeyColumn}'; an incremental scan must use the same key. Use --retrain for a full scan by the new key.");
        }

        return (stored, baseScan.ScanId);
    }

    private async Task<ScanResult> RunIncrementalAsync(
        ScanRequest request,
        SourceColumn source,
        StoredModel stored,
        long baseScanId,
        IProgress<ScanProgress>? progress,
        int topCount,
        CancellationToken cancellationToken)
    {
        var timings = new ScanTimings();
        using var spool = new RowSpool();
        var clock = Stopwatch.StartNew();
        var (rowsRead, longest) = await ReadAsync(
            source, store.ReadUnscoredAsync(source, baseScanId, cancellationToken), spool, sample: null, progress);
        timings.Read = clock.Elapsed;

        var row = stored.Model;
        using var model = ModelCatalog.Load(
            new ModelArtifact(row.Architecture, row.EncodingJson, row.HyperparametersJson, row.Weights), row.WeightsSha256);
        if (model is ClassicModel classic && longest > classic.Width)
        {
            throw new InvalidInputException(
                $"A new value has {longest:N0} characters, but classic model {stored.ModelId} represents at most " +
                $"{classic.Width:N0}; run a full scan with --retrain.");
        }

        var scanId = await store.StartScanAsync(source, baseScanId, cancellationToken);
        try
        {
            var pass = new ScanPass(request, source, scanId, rowsRead, 0, timings, progress, topCount);
            clock.Restart();
            using var scores = ScoreAll(pass, model, spool, all: null, cancellationToken);
            var threshold = row.ThresholdValue;
            var outliers = scores.CountAbove(threshold);
            timings.Scoring = clock.Elapsed;
            progress?.Report(new ScanProgress(
                ScanStage.Scoring,
                scores.Count,
                scores.Count,
                $"Scored {scores.Count:N0} new values with model {stored.ModelId}; its threshold {threshold:G6} flags {outliers:N0}."));

            clock.Restart();
            var counts = new ScanCounts(rowsRead, rowsRead - spool.Count, spool.Count, outliers, row.ThresholdRule, threshold);
            var writer = new ScoreRowStream(model, spool, scores, threshold, topCount, progress);
            await store.CompleteIncrementalScanAsync(scanId, stored.ModelId, writer.Rows(cancellationToken), counts, cancellationToken);
            timings.Write = clock.Elapsed;
            return new ScanResult(
                scanId, stored.ModelId, source, counts, timings.Read, timings.Training, timings.Scoring, timings.Write, writer.TopOutliers());
        }
        catch (Exception error)
        {
            await MarkFailedAsync(scanId, error);
            throw;
        }
    }

    private static async Task<(long RowsRead, int Longest)> ReadAsync(
        SourceColumn source,
        IAsyncEnumerable<SourceRow> rows,
        RowSpool spool,
        ReservoirSample<string>? sample,
        IProgress<ScanProgress>? progress)
    {
        long rowsRead = 0;
        var longest = 0;
        await foreach (var row in rows)
        {
            rowsRead++;
            if (row.Value is not null)
            {
                spool.Append(row.Key, row.Value);
                sample?.Add(row.Value);
                longest = Math.Max(longest, CharIndexEncoding.Length(row.Value));
            }

            if (rowsRead % ProgressInterval == 0)
            {
                progress?.Report(new ScanProgress(ScanStage.Reading, rowsRead, null, $"Read {rowsRead:N0} rows."));
            }
        }

        progress?.Report(new ScanProgress(
            ScanStage.Reading,
            rowsRead,
            rowsRead,
            $"Read {rowsRead:N0} rows from {source.DisplayTable}.{source.ValueColumn} ({rowsRead - spool.Count:N0} NULL)."));
        return (rowsRead, longest);
    }

    private async Task<ScanResult> TrainScoreAndStoreAsync(
        ScanPass pass, RowSpool spool, IReadOnlyList<string> trainingValues, CancellationToken cancellationToken)
    {
        var request = pass.Request;
        var clock = Stopwatch.StartNew();
        var epochProgress = new ActionProgress<EpochLoss>(epoch => pass.Progress?.Report(new ScanProgress(
            ScanStage.Training,
            epoch.Epoch,
            epoch.Epochs,
            $"Epoch {epoch.Epoch}/{epoch.Epochs}: training loss {epoch.TrainingLoss:G4}, validation loss {epoch.ValidationLoss:G4}.")));
        var trained = ModelCatalog.Train(
            request.Architecture,
            trainingValues,
            request.Training,
            epochProgress,
            request.Tuning.MaxLength,
            pass.Longest,
            cancellationToken);
        using var model = trained.Model;
        pass.Timings.Training = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        clock.Restart();

        // NOTE: one array of scores limits a scan to about two billion non-NULL rows.
        var all = new float[spool.Count];
        using var scores = ScoreAll(pass, model, spool, all, cancellationToken);
        var threshold = request.Threshold.ComputeInPlace(all, model.OutlierScoreFloor);
        var outliers = scores.CountAbove(threshold);
        pass.Timings.Scoring = clock.Elapsed;
        pass.Progress?.Report(new ScanProgress(
            ScanStage.Scoring,
            scores.Count,
            scores.Count,
            $"Scored {scores.Count:N0} values; threshold {threshold:G6} ({request.Threshold}) flags {outliers:N0}."));

        clock.Restart();
        var artifact = model.Export();

        // The threshold is final only now, after scoring, so the portable export that carries it is written here.
        var portable = model.ExportPortable(threshold);
        var modelRow = new ModelRow(
            request.ModelName!,
            pass.Source.DisplayTable,
            pass.Source.ValueColumn,
            artifact.Architecture,
            artifact.EncodingJson,
            artifact.HyperparametersJson,
            trained.TrainingRows,
            trained.FinalTrainingLoss,
            NullIfNaN(trained.FinalValidationLoss),
            request.Threshold.ToString(),
            threshold,
            artifact.Weights,
            artifact.WeightsSha256,
            portable,
            Convert.ToHexStringLower(SHA256.HashData(portable)));
        var history = trained.History
            .Select(epoch => new EpochRow(epoch.Epoch, epoch.TrainingLoss, NullIfNaN(epoch.ValidationLoss)))
            .ToList();
        var counts = new ScanCounts(
            pass.RowsRead, pass.RowsRead - spool.Count, spool.Count, outliers, request.Threshold.ToString(), threshold);
        var writer = new ScoreRowStream(model, spool, scores, threshold, pass.TopCount, pass.Progress);
        var modelId = await store.CompleteScanAsync(
            pass.ScanId, modelRow, history, writer.Rows(cancellationToken), counts, cancellationToken);
        pass.Timings.Write = clock.Elapsed;

        return new ScanResult(
            pass.ScanId,
            modelId,
            pass.Source,
            counts,
            pass.Timings.Read,
            pass.Timings.Training,
            pass.Timings.Scoring,
            pass.Timings.Write,
            writer.TopOutliers());
    }

    /// <summary>
    /// Scores every spooled row and returns the scores in a score spool, in spool order. A given
    /// <paramref name="all"/> receives the same scores for the threshold. The threshold may reorder and overwrite
    /// them, because outliers are counted and written from the spool.
    /// </summary>
    private static ScoreSpool ScoreAll(
        ScanPass pass, ISequenceModel model, RowSpool spool, float[]? all, CancellationToken cancellationToken)
    {
        var written = new ScoreSpool();
        try
        {
            var scorer = new CachedScorer(model, pass.Request.Tuning.CacheCapacity);
            var batchSize = pass.Request.Tuning.ScoreBatchSize;
            var batch = new List<string>(batchSize);
            var batchScores = new float[batchSize];
            var offset = 0;
            foreach (var (_, value) in spool.ReadAll())
            {
                batch.Add(value);
                if (batch.Count == batchSize)
                {
                    offset = ScoreBatch(pass, scorer, batch, batchScores, written, all, offset, spool.Count, cancellationToken);
                }
            }

            ScoreBatch(pass, scorer, batch, batchScores, written, all, offset, spool.Count, cancellationToken);
        }
        catch
        {
            written.Dispose();
            throw;
        }

        return written;
    }

    private static int ScoreBatch(
        ScanPass pass,
        CachedScorer scorer,
        List<string> batch,
        float[] batchScores,
        ScoreSpool written,
        float[]? all,
        int offset,
        long total,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scores = batchScores.AsSpan(0, batch.Count);
        scorer.Score(batch, scores);
        written.Append(scores);
        if (all is not null)
        {
            scores.CopyTo(all.AsSpan(offset));
        }

        offset += batch.Count;
        var reported = (offset - batch.Count) / ProgressInterval != offset / ProgressInterval;
        batch.Clear();
        if (reported)
        {
            pass.Progress?.Report(new ScanProgress(ScanStage.Scoring, offset, total, $"Scored {offset:N0} of {total:N0} rows."));
        }

        return offset;
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    private async Task MarkFailedAsync(long scanId, Exception error)
    {
        var message = error is OperationCanceledException ? "The scan was cancelled." : error.Message;
        try
        {
            await store.FailScanAsync(scanId, message, CancellationToken.None);
        }
        catch (Exception markError) when (markError is System.Data.Common.DbException or InvalidOperationException)
        {
            // NOTE: the scan row stays Running when the database cannot be reached to mark it Failed.
        }
    }

    private sealed record ScanPass(
        ScanRequest Request,
        SourceColumn Source,
        long ScanId,
        long RowsRead,
        int Longest,
        ScanTimings Timings,
        IProgress<ScanProgress>? Progress,
        int TopCount);

    private sealed class ScanTimings
    {
        public TimeSpan Read { get; set; }

        public TimeSpan Training { get; set; }

        public TimeSpan Scoring { get; set; }

        public TimeSpan Write { get; set; }
    }

    // Progress<T> posts to the thread pool, which can reorder lines; this reports on the caller's thread.
    private sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
