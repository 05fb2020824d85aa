using System;
using System.Globalization;
using System.Text;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>
/// Reads the fields of a portable model in order, checking the header, the CRC-32 trailer and every
/// length against the bytes that remain, so that damaged data raises <see cref="PortableModelException"/>
/// instead of an index error. All numbers are little-endian.
/// </summary>
public sealed class PortableModelReader
{
    /// <summary>Version of the layout this reader understands.</summary>
    public const int FormatVersion = 1;

    private const int HeaderLength = 12;
    private const int TrailerLength = 4;
    private static readonly byte[] s_magic = { (byte)'S', (byte)'A', (byte)'P', (byte)'M' };

    private readonly byte[] _bytes;
    private readonly int _end;
    private int _position;

    private PortableModelReader(byte[] bytes, int end)
    {
        _bytes = bytes;
        _end = end;
        _position = HeaderLength;
    }

    /// <summary>Checks the header and the trailer's CRC-32 and returns a reader positioned at the first field of the body.</summary>
    /// <exception cref="PortableModelException">The bytes are not a portable model of this version, or are damaged.</exception>
    public static PortableModelReader Open(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PortableModelException("Portable models can only be read on a little-endian machine.");
        }

        if (bytes.Length < HeaderLength + TrailerLength)
        {
            throw new PortableModelException(Invariant(
                $"The portable model is truncated: it has {bytes.Length} bytes, fewer than the {HeaderLength + TrailerLength} of an empty model."));
        }

        for (var i = 0; i < s_magic.Length; i++)
        {
            if (bytes[i] != s_magic[i])
            {
                throw new PortableModelException("The data is not a portable model: it does not start with \"SAPM\".");
            }
        }

        var version = BitConverter.ToInt32(bytes, 4);
        if (version != FormatVersion)
        {
            throw new PortableModelException(Invariant(
                $"The portable model has format version {version}, but this reader reads version {FormatVersion}."));
        }

        var bodyLength = BitConverter.ToInt32(bytes, 8);
        var expectedLength = (long)HeaderLength + bodyLength + TrailerLength;
        if (bodyLength < 0 || expectedLength != bytes.Length)
        {
            throw new PortableModelException(Invariant(
                $"The portable model is truncated or padded: its header announces {expectedLength} bytes, but there are {bytes.Length}."));
        }

        var end = HeaderLength + bodyLength;
        var stored = BitConverter.ToUInt32(bytes, end);
        var computed = Crc32.Compute(bytes, end);
        if (stored != computed)
        {
            throw new PortableModelException(Invariant(
                $"The portable model's CRC-32 is 0x{computed:x8}, but its trailer records 0x{stored:x8}; the data is damaged."));
        }

        return new PortableModelReader(bytes, end);
    }

    /// <summary>Reads a signed 32-bit integer.</summary>
    public int ReadInt32()
    {
        Require(4, "an Int32");
        var value = BitConverter.ToInt32(_bytes, _position);
        _position += 4;
        return value;
    }

    /// <summary>Reads a 32-bit integer that must be zero or more, naming it as <paramref name="field"/> in errors.</summary>
    public int ReadCount(string field)
    {
        var value = ReadInt32();
        if (value < 0)
        {
            throw new PortableModelException(Invariant($"The portable model's {field} is {value}; it must not be negative."));
        }

        return value;
    }

    /// <summary>Reads an IEEE 754 double.</summary>
    public double ReadDouble()
    {
        Require(8, "a Double");
        var value = BitConverter.ToDouble(_bytes, _position);
        _position += 8;
        return value;
    }

    /// <summary>Reads a UTF-8 string preceded by its byte count.</summary>
    public string ReadString()
    {
        var length = ReadCount("string length");
        Require(length, "a string");
        var value = Encoding.UTF8.GetString(_bytes, _position, length);
        _position += length;
        return value;
    }

    /// <summary>Reads an Int32 count and that many Int32 values.</summary>
    public int[] ReadInt32Array(string field)
    {
        var count = ReadCount(field + " count");
        Require(4L * count, field);
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = ReadInt32();
        }

        return values;
    }

    /// <summary>Reads a tensor and checks that its name and shape are the expected ones.</summary>
    public PortableTensor ReadTensor(string expectedName, params int[] expectedShape)
    {
        var name = ReadString();
        if (name != expectedName)
        {
            throw new PortableModelException(Invariant($"The portable model has tensor '{name}' where '{expectedName}' was expected."));
        }

        var rank = ReadCount("rank of tensor " + name);
        var shape = new int[rank];
        long count = 1;
        for (var i = 0; i < rank; i++)
        {
            shape[i] = ReadCount("dimension of tensor " + name);
            count *= shape[i];
        }

        if (!SameShape(shape, expectedShape))
        {
            throw new PortableModelException(Invariant(
                $"Tensor '{name}' has shape [{string.Join(", ", shape)}] where [{string.Join(", ", expectedShape)}] was expected."));
        }

        Require(4 * count, "the values of tensor " + name);
        var values = new float[count];
        Buffer.BlockCopy(_bytes, _position, values, 0, (int)(4 * count));
        _position += (int)(4 * count);
        return new PortableTensor(name, shape, values);
    }

    /// <summary>Checks that every byte of the body was read, so that a writer and reader that disagree are caught.</summary>
    public void EnsureEnd()
    {
        if (_position != _end)
        {
            throw new PortableModelException(Invariant(
                $"The portable model has {_end - _position} bytes left after its last field; the writer and reader disagree."));
        }
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool SameShape(int[] shape, int[] expected)
    {
        if (shape.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }

    private void Require(long count, string what)
    {
        if (count > _end - _position)
        {
            throw new PortableModelException(Invariant(
                $"The portable model is truncated: {what} needs {count} bytes at offset {_position}, but the body ends at {_end}."));
        }
    }
}
