using System.Buffers.Binary;
using System.IO.Hashing;
using static TorchSharp.torch;

namespace SeqAnomaly.Core.Portable;

/// <summary>
/// Writes the portable model format: a model's architecture, shapes, weights, encoding and threshold in
/// a small little-endian binary layout that plain managed code can score without TorchSharp. The layout
/// is described in docs/portable-model.md; the reader is the SQL CLR assembly's <c>PortableModelReader</c>.
/// </summary>
public sealed class PortableModelWriter : IDisposable
{
    /// <summary>First four bytes of every portable model: "SAPM" in ASCII.</summary>
    public static ReadOnlySpan<byte> Magic => "SAPM"u8;

    /// <summary>Version of the layout this writer produces.</summary>
    public const int FormatVersion = 1;

    private readonly MemoryStream _body = new();
    private readonly BinaryWriter _writer;

    /// <summary>Starts a model of <paramref name="architecture"/> with its width and final threshold.</summary>
    public PortableModelWriter(string architecture, int width, double threshold)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        _writer = new BinaryWriter(_body, System.Text.Encoding.UTF8, leaveOpen: true);
        WriteString(architecture);
        WriteInt32(width);
        WriteDouble(threshold);
    }

    /// <summary>Writes a signed 32-bit integer, little-endian.</summary>
    public void WriteInt32(int value) => _writer.Write(value);

    /// <summary>Writes an IEEE 754 double, little-endian.</summary>
    public void WriteDouble(double value) => _writer.Write(value);

    /// <summary>Writes a string as its UTF-8 byte count (Int32) followed by the bytes.</summary>
    public void WriteString(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        WriteInt32(bytes.Length);
        _writer.Write(bytes);
    }

    /// <summary>Writes an Int32 count followed by the values.</summary>
    public void WriteInt32Array(IReadOnlyList<int> values)
    {
        WriteInt32(values.Count);
        foreach (var value in values)
        {
            WriteInt32(value);
        }
    }

    /// <summary>
    /// Writes a named tensor: its name, rank, each dimension, then its float32 values in row-major order.
    /// </summary>
    public void WriteTensor(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        WriteTensor(name, values.data<float>().ToArray(), [.. values.shape.Select(dimension => checked((int)dimension))]);
    }

    /// <summary>Writes a named tensor from its values in row-major order and its shape.</summary>
    public void WriteTensor(string name, float[] values, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        var count = shape.Aggregate(1L, (product, dimension) => product * dimension);
        if (count != values.Length)
        {
            throw new ArgumentException(
                $"Tensor '{name}' has {values.Length} values but its shape [{string.Join(", ", shape)}] holds {count}.",
                nameof(values));
        }

        WriteString(name);
        WriteInt32(shape.Length);
        foreach (var dimension in shape)
        {
            WriteInt32(dimension);
        }

        foreach (var value in values)
        {
            _writer.Write(value);
        }
    }

    /// <summary>Returns the whole model: header, body and CRC-32 trailer.</summary>
    public byte[] ToArray()
    {
        _writer.Flush();
        var body = _body.ToArray();
        var header = new byte[12];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), body.Length);

        var crc = new Crc32();
        crc.Append(header);
        crc.Append(body);
        var result = new byte[header.Length + body.Length + 4];
        header.CopyTo(result, 0);
        body.CopyTo(result, header.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(header.Length + body.Length), crc.GetCurrentHashAsUInt32());
        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _writer.Dispose();
        _body.Dispose();
    }
}
