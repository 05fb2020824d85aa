using System.Collections;
using System.Data.Common;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>
/// Forward-only reader over score rows, so that a bulk copy pulls them one at a time from the
/// enumerable and memory stays flat however many rows a scan has. Columns: RowKey, Value, Score,
/// IsOutlier, Explanation.
/// </summary>
internal sealed class ScoreRowDataReader(IEnumerable<ScoreRow> rows) : DbDataReader
{
    /// <summary>Column names, in ordinal order; they match the staging table's columns.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = ["RowKey", "Value", "Score", "IsOutlier", "Explanation"];

    private static readonly Type[] ColumnTypes = [typeof(string), typeof(string), typeof(double), typeof(bool), typeof(string)];

    private static readonly string[] ColumnTypeNames = ["nvarchar", "nvarchar", "float", "bit", "nvarchar"];

    private readonly IEnumerator<ScoreRow> _rows = rows.GetEnumerator();
    private ScoreRow? _current;
    private bool _closed;

    /// <summary>Number of rows read so far.</summary>
    public long RowsRead { get; private set; }

    public override int FieldCount => ColumnNames.Count;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (!_rows.MoveNext())
        {
            _current = null;
            return false;
        }

        _current = _rows.Current ?? throw new InvalidOperationException($"Score row {RowsRead + 1} is null.");
        RowsRead++;
        return true;
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => ColumnNames[CheckOrdinal(ordinal)];

    public override int GetOrdinal(string name)
    {
        for (var ordinal = 0; ordinal < ColumnNames.Count; ordinal++)
        {
            if (string.Equals(ColumnNames[ordinal], name, StringComparison.OrdinalIgnoreCase))
            {
                return ordinal;
            }
        }

        throw new IndexOutOfRangeException($"No column is named '{name}'; the columns are {string.Join(", ", ColumnNames)}.");
    }

    public override Type GetFieldType(int ordinal) => ColumnTypes[CheckOrdinal(ordinal)];

    public override string GetDataTypeName(int ordinal) => ColumnTypeNames[CheckOrdinal(ordinal)];

    public override object GetValue(int ordinal)
    {
        var row = CurrentRow();
        return CheckOrdinal(ordinal) switch
        {
            0 => row.RowKey,
            1 => (object?)row.Value ?? DBNull.Value,
            2 => row.Score,
            3 => row.IsOutlier,
            _ => (object?)row.Explanation ?? DBNull.Value,
        };
    }

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, FieldCount);
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            values[ordinal] = GetValue(ordinal);
        }

        return count;
    }

    public override bool IsDBNull(int ordinal) => GetValue(ordinal) is DBNull;

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => throw NotOfType(ordinal, typeof(byte));

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw NotOfType(ordinal, typeof(byte[]));

    public override char GetChar(int ordinal) => throw NotOfType(ordinal, typeof(char));

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override DateTime GetDateTime(int ordinal) => throw NotOfType(ordinal, typeof(DateTime));

    public override decimal GetDecimal(int ordinal) => throw NotOfType(ordinal, typeof(decimal));

    public override float GetFloat(int ordinal) => throw NotOfType(ordinal, typeof(float));

    public override Guid GetGuid(int ordinal) => throw NotOfType(ordinal, typeof(Guid));

    public override short GetInt16(int ordinal) => throw NotOfType(ordinal, typeof(short));

    public override int GetInt32(int ordinal) => throw NotOfType(ordinal, typeof(int));

    public override long GetInt64(int ordinal) => throw NotOfType(ordinal, typeof(long));

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        if (!_closed)
        {
            _closed = true;
            _rows.Dispose();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private ScoreRow CurrentRow()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        return _current ?? throw new InvalidOperationException("No current row: call Read first, and only while it returns true.");
    }

    private int CheckOrdinal(int ordinal)
    {
        if (ordinal < 0 || ordinal >= ColumnNames.Count)
        {
            throw new IndexOutOfRangeException($"Column ordinal {ordinal} is out of range 0 to {ColumnNames.Count - 1}.");
        }

        return ordinal;
    }

    private InvalidCastException NotOfType(int ordinal, Type requested) =>
        new($"Column '{GetName(ordinal)}' is of type {GetFieldType(ordinal).Name}, not {requested.Name}.");
}
