using System.Runtime.InteropServices;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>
/// The scores of the spooled rows, in spool order, in a temporary file of four bytes a row. The write pass reads
/// them from here, so the in-memory array of scores can be sorted for the threshold. The file is deleted when
/// the spool is disposed.
/// </summary>
internal sealed class ScoreSpool : IDisposable
{
    private const int BufferSize = 1 << 20;

    private readonly FileStream _file;

    public ScoreSpool()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seqanomaly-{Guid.NewGuid():N}.scores");
        _file = new FileStream(
            path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose);
    }

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

    /// <summary>Fills <paramref name="scores"/> with the next scores after <see cref="Rewind"/> or the previous read.</summary>
    public void Read(Span<float> scores) => _file.ReadExactly(MemoryMarshal.AsBytes(scores));

    public void Dispose() => _file.Dispose();
}
