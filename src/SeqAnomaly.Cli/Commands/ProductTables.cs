using SeqAnomaly.Core;
using SeqAnomaly.Data.Reports;

namespace SeqAnomaly.Cli.Commands;

/// <summary>Checks, before a read-only command, that the database contains the product's tables.</summary>
internal static class ProductTables
{
    /// <exception cref="InvalidInputException">The database has no Scans table, so no scan or model can be read.</exception>
    public static async Task RequireAsync(ScanReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ProductTablesExistAsync(cancellationToken))
        {
            throw new InvalidInputException(
                "The database has no SeqAnomaly tables, so it has no scans or models. Run seqanomaly scan on it first.");
        }
    }
}
