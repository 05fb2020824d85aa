using SeqAnomaly.Data.SqlServer;

namespace SeqAnomaly.SqlServer.Tests;

public sealed class SqlServerMigrationsTests
{
    [Fact]
    public void Resources_NamedWithDotAfterFolder()
    {
        // DbUp journals a script by resource name, so the name must not depend on the build's path separator.
        var names = typeof(SqlServerMigrations).Assembly
            .GetManifestResourceNames()
            .Where(name => name.StartsWith(TSqlSources.MigrationResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var folder = Path.Combine(TSqlSources.RepositoryRoot(), "migrations", SqlServerMigrations.Folder);
        var expected = Directory.EnumerateFiles(folder, "*.sql")
            .Select(path => $"SeqAnomaly.Migrations.{SqlServerMigrations.Folder}.{Path.GetFileName(path)}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, names);
    }

    [Fact]
    public void Resources_MatchFolderOnDisk()
    {
        var folder = Path.Combine(TSqlSources.RepositoryRoot(), "migrations", SqlServerMigrations.Folder);
        var onDisk = Directory.EnumerateFiles(folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        var embedded = TSqlSources.MigrationResources().Keys;

        Assert.Equal(onDisk, embedded);
    }

    [Fact]
    public void Scripts_AreNumberedWithoutGaps()
    {
        var numbers = TSqlSources.MigrationResources().Keys
            .Select(file => int.Parse(file.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.NotEmpty(numbers);
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
    }
}
