using System.Runtime.InteropServices;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>
/// The scores of the spooled rows, in spool order, in a temporary file of four bytes a row. The write pass and the
/// outlier count read them from here, so the threshold may reorder the in-memory array. The file is deleted when
/// the spool is disposed.
/// </summary>
internal sealed class ScoreSpool : IDisposable
{
    private readonly FileStream _file = TemporaryFile.Create(".scores");

    /// <summary>Number of scores appended.</summary>
    public long Count { get; private set; }

    /// <summary>Appends <paramref name="scores"/> after those already written.</summary>
    public void Append(ReadOnlySpan<float> scores)
    {
        _file.Write(MemoryMarshal.AsBytes(scores));
        Count += scores.Length;
    }

    /// <summary>Moves back to the first score, to read after the last append.</summary>
    public void Rewind()
    {
        _file.Flush();
        _file.Position = 0;
    }

    /// <summary>Counts the scores greater than <paramref name="threshold"/>, reading the file from the start.</summary>
    public long CountAbove(double threshold)
    {
        Rewind();
        var chunk = new float[1 << 16];
        var count = 0L;
        for (var left = Count; left > 0; left -= chunk.Length)
        {
            var scores = chunk.AsSpan(0, (int)Math.Min(left, chunk.Length));
            Read(scores);
            foreach (var score in scores)
            {
                count += score > threshold ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>Fills <paramref name="scores"/> with the next scores after <see cref="Rewind"/> or the previous read.</summary>
    public void Read(Span<float> scores) => _file.ReadExactly(MemoryMarshal.AsBytes(scores));

    public void Dispose() => _file.Dispose();
}
