using SeqAnomaly.Cli.Scanning;

namespace SeqAnomaly.Cli.Tests;

public sealed class TemporaryFileTests
{
    [Fact]
    public void Create_OwnerOnly_DeletedOnDispose()
    {
        string path;
        using (var file = TemporaryFile.Create(".spool"))
        {
            path = file.Name;
            Assert.True(File.Exists(path));
            Assert.EndsWith(".spool", path, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        Assert.False(File.Exists(path));
    }
}
