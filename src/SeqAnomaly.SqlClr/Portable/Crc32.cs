namespace SeqAnomaly.SqlClr.Portable;

/// <summary>CRC-32 of IEEE 802.3 (reflected polynomial 0xEDB88320), the checksum of zlib and of the portable model's trailer.</summary>
internal static class Crc32
{
    private static readonly uint[] s_table = BuildTable();

    /// <summary>Computes the CRC-32 of <paramref name="count"/> bytes of <paramref name="bytes"/> from the start.</summary>
    public static uint Compute(byte[] bytes, int count)
    {
        var crc = 0xFFFFFFFFu;
        for (var i = 0; i < count; i++)
        {
            crc = s_table[(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
