using System.Diagnostics;
using SeqAnomaly.Core;
using SeqAnomaly.Core.Models;
using SeqAnomaly.Data;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>
/// Runs one scan: checks the source, reads it, trains, scores, applies the threshold and stores
/// everything. Nothing is written before the input is known to be usable; after that, the scan row
/// shows Running until the results are committed together with the Succeeded status, or Failed.
/// </summary>
public sealed class ScanRunner(AnomalyStore store)
{
    /// <summary>Threshold rule of the classic recipe.</summary>
    public const string DefaultThreshold = "quantile:0.9998";

    /// <summary>Runs <paramref name="request"/>, reporting each step and training epoch to <paramref name="progress"/>.</summary>
    public async Task<ScanResult> RunAsync(
        ScanRequest request, IProgress<ScanProgress>? progress = null, int topCount = 20, CancellationToken cancellationToken = default)
    {
        var source = await store.ResolveSourceAsync(request.Table, request.KeyColumn, request.ValueColumn, cancellationToken);

        var clock = Stopwatch.StartNew();
        var rows = new List<SourceRow>();
        await foreach (var row in store.ReadAsync(source, cancellationToken))
        {
            rows.Add(row);
        }

        var readTime = clock.Elapsed;
        var scored = rows.Where(row => row.Value is not null).ToList();
        var nulls = rows.Count - scored.Count;
        progress?.Report(new ScanProgress(
            ScanStage.Reading, rows.Count, rows.Count, $"Read {rows.Count:N0} rows from {source.DisplayTable}.{source.ValueColumn} ({nulls:N0} NULL)."));
        if (scored.Count == 0)
        {
            throw new InvalidInputException(rows.Count == 0
                ? $"Table '{source.DisplayTable}' is empty; there is nothing to scan."
                : $"Column '{source.ValueColumn}' of table '{source.DisplayTable}' contains only NULL values; there is nothing to scan.");
        }

        // The input is usable, so the product's tables may now be created or upgraded.
        store.Migrate(_ => { });
        var scanId = await store.StartScanAsync(source, cancellationToken);
        try
        {
            return await TrainScoreAndStoreAsync(
                request, source, scanId, scored, rows.Count, readTime, progress, topCount, cancellationToken);
        }
        catch (Exception error)
        {
            // The scan's own connection may be gone, so the Failed mark must not hide the original error.
            await MarkFailedAsync(scanId, error);
            throw;
        }
    }

    private async Task<ScanResult> TrainScoreAndStoreAsync(
        ScanRequest request,
        SourceColumn source,
        long scanId,
        List<SourceRow> scored,
        long rowsRead,
        TimeSpan readTime,
        IProgress<ScanProgress>? progress,
        int topCount,
        CancellationToken cancellationToken)
    {
        var values = scored.Select(row => row.Value!).ToList();
        var clock = Stopwatch.StartNew();
        var epochProgress = new ActionProgress<EpochLoss>(epoch => progress?.Report(new ScanProgress(
            ScanStage.Training,
            epoch.Epoch,
            request.Training.Epochs,
            $"Epoch {epoch.Epoch}/{request.Training.Epochs}: training loss {epoch.TrainingLoss:G4}, validation loss {epoch.ValidationLoss:G4}.")));
        var trained = ModelCatalog.Train(request.Architecture, values, request.Training, epochProgress);
        using var model = trained.Model;
        var trainingTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        clock.Restart();
        var scores = model.Score(values).Select(score => (double)score).ToArray();
        var threshold = request.Threshold.Compute(scores);
        var results = scored
            .Select((row, i) => new ScoreRow(row.Key, row.Value, scores[i], scores[i] > threshold, null))
            .ToList();
        var scoringTime = clock.Elapsed;
        var outliers = results.Count(row => row.IsOutlier);
        progress?.Report(new ScanProgress(
            ScanStage.Scoring, results.Count, results.Count, $"Scored {results.Count:N0} values; threshold {threshold:G6} ({request.Threshold}) flags {outliers:N0}."));

        clock.Restart();
        var artifact = model.Export();
        var modelRow = new ModelRow(
            request.ModelName,
            source.DisplayTable,
            source.ValueColumn,
            artifact.Architecture,
            artifact.EncodingJson,
            artifact.HyperparametersJson,
            trained.TrainingRows,
            trained.FinalTrainingLoss,
            double.IsNaN(trained.FinalValidationLoss) ? null : trained.FinalValidationLoss,
            request.Threshold.ToString(),
            threshold,
            artifact.Weights,
            artifact.WeightsSha256);
        var history = trained.History
            .Select(epoch => new EpochRow(epoch.Epoch, epoch.TrainingLoss, double.IsNaN(epoch.ValidationLoss) ? null : epoch.ValidationLoss))
            .ToList();
        var counts = new ScanCounts(rowsRead, rowsRead - results.Count, results.Count, outliers, request.Threshold.ToString(), threshold);
        progress?.Report(new ScanProgress(
            ScanStage.Writing, 0, results.Count, $"Writing the model and {results.Count:N0} scores of scan {scanId}."));
        var modelId = await store.CompleteScanAsync(scanId, modelRow, history, results, counts, cancellationToken);
        var writeTime = clock.Elapsed;
        progress?.Report(new ScanProgress(
            ScanStage.Writing, results.Count, results.Count, $"Wrote scan {scanId} and model {modelId}."));

        var top = results.Where(row => row.IsOutlier).OrderByDescending(row => row.Score).Take(topCount).ToList();
        return new ScanResult(scanId, modelId, source, counts, readTime, trainingTime, scoringTime, writeTime, top);
    }

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

    // Progress<T> posts to the thread pool, which can reorder lines; this reports on the caller's thread.
    private sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
