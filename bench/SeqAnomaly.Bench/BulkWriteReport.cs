using System.Globalization;
using Spectre.Console;

namespace SeqAnomaly.Bench;

/// <summary>Prints bulk-write results as a table, with the bulk path's speed-up over one INSERT per row.</summary>
public static class BulkWriteReport
{
    public static void Write(IAnsiConsole console, IReadOnlyList<BulkWriteResult> results)
    {
        var table = new Table()
            .AddColumn("Engine")
            .AddColumn("Method")
            .AddColumn(new TableColumn("Rows").RightAligned())
            .AddColumn(new TableColumn("Seconds").RightAligned())
            .AddColumn(new TableColumn("Rows/s").RightAligned());
        foreach (var result in results)
        {
            table.AddRow(
                result.Engine,
                result.Method,
                result.Rows.ToString("N0", CultureInfo.InvariantCulture),
                result.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
                result.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var engine in results.GroupBy(r => r.Engine))
        {
            var bulk = engine.First(r => r.Rows == BulkWriteBenchmark.BulkRows);
            var single = engine.First(r => r.Rows == BulkWriteBenchmark.SingleRows);
            var ratio = (bulk.RowsPerSecond / single.RowsPerSecond).ToString("F1", CultureInfo.InvariantCulture);
            console.MarkupLineInterpolated(
                $"{engine.Key}: the bulk write is {ratio} times as fast as one INSERT per row, in rows per second.");
        }
    }
}
