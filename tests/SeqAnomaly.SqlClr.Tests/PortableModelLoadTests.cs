using System.Buffers.Binary;
using System.Security.Cryptography;
using SeqAnomaly.Core.Characters;
using SeqAnomaly.Core.Models;
using SeqAnomaly.SqlClr.Portable;

namespace SeqAnomaly.SqlClr.Tests;

public sealed class PortableModelLoadTests
{
    private static readonly Lazy<byte[]> s_export = new(ExportSmallModel);

    [Fact]
    public void Load_Export_ReadsEveryField()
    {
        var bytes = s_export.Value;

        var model = PortableModel.Load(bytes);

        Assert.Equal(CharacterModel.Name, model.Architecture);
        Assert.Equal(8, model.Width);
        Assert.Equal(4.25, model.Threshold);
    }

    [Fact]
    public void Load_FlippedWeightByte_RejectsChecksum()
    {
        var bytes = (byte[])s_export.Value.Clone();
        bytes[bytes.Length / 2] ^= 0x01;

        var error = Assert.Throws<PortableModelException>(() => PortableModel.Load(bytes));

        Assert.Contains("CRC-32", error.Message);
        Assert.Contains("damaged", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Load_TruncatedBytes_RejectsTruncation(int length)
    {
        var bytes = s_export.Value[..(length < 0 ? s_export.Value.Length - 1 : length)];

        var error = Assert.Throws<PortableModelException>(() => PortableModel.Load(bytes));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Load_BodyShorterThanFields_RejectsTruncation()
    {
        // A consistent header and checksum around a body cut short: the field reads must catch it.
        var bytes = s_export.Value;
        var body = bytes.AsSpan(12, 40).ToArray();
        var forged = Frame(body);

        var error = Assert.Throws<PortableModelException>(() => PortableModel.Load(forged));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Load_OtherMagic_RejectsFormat()
    {
        var bytes = (byte[])s_export.Value.Clone();
        bytes[0] = (byte)'X';

        var error = Assert.Throws<PortableModelException>(() => PortableModel.Load(bytes));

        Assert.Contains("not a portable model", error.Message);
    }

    [Fact]
    public void Load_NewerVersion_RejectsVersion()
    {
        var bytes = s_export.Value;
        var body = bytes.AsSpan(12, bytes.Length - 16).ToArray();
        var forged = Frame(body, version: 2);

        var error = Assert.Throws<PortableModelException>(() => PortableModel.Load(forged));

        Assert.Contains("format version 2", error.Message);
    }

    [Fact]
    public void LoadStored_NoExport_NamesModelAndFix()
    {
        var row = new StoredPortableModel(41, 3, null, null, null);

        var error = Assert.Throws<PortableModelException>(() => StoredPortableModel.Load("dbo.Parts.Serial", row));

        Assert.Contains("Model 'dbo.Parts.Serial' version 3 (ModelId 41)", error.Message);
        Assert.Contains("no portable export", error.Message);
        Assert.Contains("new full scan", error.Message);
    }

    [Fact]
    public void LoadStored_NoRow_NamesModel()
    {
        var error = Assert.Throws<PortableModelException>(() => StoredPortableModel.Load("dbo.Parts.Serial", null));

        Assert.Contains("Model 'dbo.Parts.Serial' was not found", error.Message);
    }

    [Fact]
    public void LoadStored_Sha256Mismatch_NamesModel()
    {
        var bytes = s_export.Value;
        var stored = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var other = Convert.ToHexString(SHA256.HashData([1, 2, 3]));
        var row = new StoredPortableModel(7, 1, bytes, stored, other);

        var error = Assert.Throws<PortableModelException>(() => StoredPortableModel.Load("serials", row));

        Assert.Contains("Model 'serials' version 1 (ModelId 7)", error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void LoadStored_ServerHashInUpperCase_Loads()
    {
        var bytes = s_export.Value;
        var row = new StoredPortableModel(
            7, 1, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexString(SHA256.HashData(bytes)));

        var model = StoredPortableModel.Load("serials", row);

        Assert.Equal(4.25, model.Threshold);
    }

    [Fact]
    public void LoadStored_DamagedExport_NamesModel()
    {
        var bytes = s_export.Value[..20];
        var row = new StoredPortableModel(7, 2, bytes, null, null);

        var error = Assert.Throws<PortableModelException>(() => StoredPortableModel.Load("serials", row));

        Assert.StartsWith("Model 'serials' version 2 (ModelId 7): ", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    /// <summary>Wraps a body in a header and a valid CRC-32 trailer, as the writer does.</summary>
    private static byte[] Frame(byte[] body, int version = 1)
    {
        var bytes = new byte[12 + body.Length + 4];
        "SAPM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), body.Length);
        body.CopyTo(bytes, 12);
        var crc = System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, 12 + body.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12 + body.Length), crc);
        return bytes;
    }

    private static byte[] ExportSmallModel()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 300).Select(_ => "AB" + random.Next(100_000, 999_999)).ToList();
        var trained = CharacterModel.Train(values, CharacterModel.DefaultTrainingOptions with { Epochs = 1, Seed = 3 });
        using var model = trained.Model;
        return model.ExportPortable(4.25);
    }
}
