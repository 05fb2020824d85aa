using System;

namespace SeqAnomaly.SqlClr.Portable;

/// <summary>A portable model that cannot be read: wrong magic or version, a checksum mismatch, or truncated or inconsistent data.</summary>
public sealed class PortableModelException : Exception
{
    /// <summary>Creates the exception with a message that names what is wrong with the model bytes.</summary>
    public PortableModelException(string message)
        : base(message)
    {
    }
}
