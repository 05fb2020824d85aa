using System.Runtime.CompilerServices;

// The SQL Server tests parse every statement text of SqlServerStatements, which stays internal.
[assembly: InternalsVisibleTo("SeqAnomaly.SqlServer.Tests")]
