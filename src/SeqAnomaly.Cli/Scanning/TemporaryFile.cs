namespace SeqAnomaly.Cli.Scanning;

/// <summary>Creates the scan's temporary files: readable by the current user only, and deleted when closed.</summary>
internal static class TemporaryFile
{
    private const int BufferSize = 1 << 20;

    /// <summary>Creates a new file in the temporary folder whose name ends with <paramref name="extension"/>.</summary>
    public static FileStream Create(string extension)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = BufferSize,
            Options = FileOptions.DeleteOnClose,
        };

        // The files contain the scanned keys and values, so on Unix other users of a shared temporary folder may not read them.
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"seqanomaly-{Guid.NewGuid():N}{extension}"), options);
    }
}
