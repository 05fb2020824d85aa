using System.Text;

namespace SeqAnomaly.Cli.Scanning;

/// <summary>
/// The scanned (key, value) pairs in a temporary file, so that the source table is read once and
/// memory does not grow with it. The file is deleted when the spool is disposed.
/// </summary>
internal sealed class RowSpool : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;

    public RowSpool()
    {
        _file = TemporaryFile.Create(".spool");
        _writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Number of pairs appended.</summary>
    public long Count { get; private set; }

    /// <summary>Appends one pair.</summary>
    public void Append(string key, string value)
    {
        _writer.Write(key);
        _writer.Write(value);
        Count++;
    }

    /// <summary>Reads every pair back, in the order appended; appending must be finished.</summary>
    public IEnumerable<(string Key, string Value)> ReadAll()
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        for (long i = 0; i < Count; i++)
        {
            yield return (reader.ReadString(), reader.ReadString());
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
