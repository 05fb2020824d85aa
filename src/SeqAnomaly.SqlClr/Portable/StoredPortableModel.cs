using System;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>The portable export of one Models row, with the checksums that guard it.</summary>
public sealed class StoredPortableModel
{
    /// <summary>Creates the row as read, with the server's hash of the export in <paramref name="computedSha256"/> when there is one.</summary>
    public StoredPortableModel(long modelId, int version, byte[]? portableModel, string? portableModelSha256, string? computedSha256)
    {
        ModelId = modelId;
        Version = version;
        PortableModel = portableModel;
        PortableModelSha256 = portableModelSha256;
        ComputedSha256 = computedSha256;
    }

    /// <summary>The row's ModelId.</summary>
    public long ModelId { get; }

    /// <summary>The row's Version.</summary>
    public int Version { get; }

    /// <summary>The PortableModel column, null for a model stored before portable exports existed.</summary>
    public byte[]? PortableModel { get; }

    /// <summary>The PortableModelSha256 column, lower-case hex.</summary>
    public string? PortableModelSha256 { get; }

    /// <summary>SHA-256 of <see cref="PortableModel"/> as hex, computed where the row was read, or null to skip that check.</summary>
    public string? ComputedSha256 { get; }

    /// <summary>Checks the row of model <paramref name="name"/> and parses its export, naming the model in every error.</summary>
    /// <param name="name">The model name that was looked up.</param>
    /// <param name="row">The latest version of the name, or null when there is none.</param>
    /// <exception cref="PortableModelException">The model is missing, has no export, or its export is damaged.</exception>
    public static PortableModel Load(string name, StoredPortableModel? row)
    {
        if (row is null)
        {
            throw new PortableModelException(PortableModelReader.Invariant(
                $"Model '{name}' was not found in anomaly.Models. Run a scan that trains a model of that name first."));
        }

        var model = PortableModelReader.Invariant($"Model '{name}' version {row.Version} (ModelId {row.ModelId})");
        if (row.PortableModel is null)
        {
            throw new PortableModelException(
                model + " has no portable export, because it was trained before the product stored one. " +
                "Run a new full scan of its column to store a model that can be scored in the database.");
        }

        if (row.ComputedSha256 is not null && !string.Equals(row.ComputedSha256, row.PortableModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new PortableModelException(
                model + " has a damaged portable export: its SHA-256 is " + row.ComputedSha256.ToLowerInvariant() +
                ", but PortableModelSha256 records " + (row.PortableModelSha256 ?? "NULL") + ".");
        }

        try
        {
            return Portable.PortableModel.Load(row.PortableModel);
        }
        catch (PortableModelException error)
        {
            throw new PortableModelException(model + ": " + error.Message);
        }
    }
}
