using SeqAnomaly.Data;
using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests;

public sealed class ScoreRowDataReaderTests
{
    private static readonly ScoreRow[] Rows =
    [
        new("1", "AB121E", 0.01, false, null),
        new("2", null, 0.5, true, "unseen character 'Z' at position 3"),
    ];

    [Fact]
    public void Read_ReturnsEachRowInOrder()
    {
        using var reader = new ScoreRowDataReader(Rows);

        Assert.True(reader.Read());
        Assert.Equal("1", reader.GetString(0));
        Assert.Equal("AB121E", reader.GetValue(1));
        Assert.Equal(0.01, reader.GetDouble(2));
        Assert.False(reader.GetBoolean(3));
        Assert.True(reader.IsDBNull(4));

        Assert.True(reader.Read());
        Assert.Equal("2", reader["RowKey"]);
        Assert.Equal(DBNull.Value, reader.GetValue(1));
        Assert.True(reader.GetBoolean(3));
        Assert.Equal("unseen character 'Z' at position 3", reader.GetString(4));

        Assert.False(reader.Read());
        Assert.Equal(2, reader.RowsRead);
    }

    [Fact]
    public void Read_PullsOneRowAtATime()
    {
        var pulled = 0;
        IEnumerable<ScoreRow> Generate()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                pulled++;
                yield return new ScoreRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "v", 0, false, null);
            }
        }

        using var reader = new ScoreRowDataReader(Generate());
        reader.Read();
        reader.Read();

        Assert.Equal(2, pulled);
    }

    [Fact]
    public void GetOrdinal_IgnoresCase()
    {
        using var reader = new ScoreRowDataReader(Rows);

        Assert.Equal(3, reader.GetOrdinal("isoutlier"));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("ScanId"));
    }

    [Fact]
    public void Schema_MatchesStagingTypes()
    {
        using var reader = new ScoreRowDataReader(Rows);

        Assert.Equal(5, reader.FieldCount);
        Assert.Equal(typeof(string), reader.GetFieldType(0));
        Assert.Equal(typeof(double), reader.GetFieldType(2));
        Assert.Equal(typeof(bool), reader.GetFieldType(3));
        Assert.Equal("bit", reader.GetDataTypeName(3));
    }

    [Fact]
    public void GetValue_BeforeRead_Throws()
    {
        using var reader = new ScoreRowDataReader(Rows);

        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
    }

    [Fact]
    public void GetValues_FillsWholeRow()
    {
        using var reader = new ScoreRowDataReader(Rows);
        var values = new object[5];
        reader.Read();

        var count = reader.GetValues(values);

        Assert.Equal(5, count);
        Assert.Equal(new object[] { "1", "AB121E", 0.01, false, DBNull.Value }, values);
    }

    [Fact]
    public void Close_DisposesEnumerator()
    {
        var disposed = false;
        IEnumerable<ScoreRow> Generate()
        {
            try
            {
                yield return Rows[0];
                yield return Rows[1];
            }
            finally
            {
                disposed = true;
            }
        }

        var reader = new ScoreRowDataReader(Generate());
        reader.Read();
        reader.Close();

        Assert.True(disposed);
        Assert.True(reader.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => reader.Read());
    }
}
