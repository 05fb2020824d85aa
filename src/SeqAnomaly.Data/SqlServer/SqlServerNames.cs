using System.Text;
using SeqAnomaly.Core;

namespace SeqAnomaly.Data.SqlServer;

/// <summary>
/// Parser for object and column names as a user writes them for SQL Server: bare (<c>Parts</c>),
/// bracketed (<c>[Order Details]</c>, with <c>]]</c> for a <c>]</c>) or double-quoted, joined by dots.
/// </summary>
internal static class SqlServerNames
{
    /// <summary>Maximum length of an identifier (<c>sysname</c> is <c>nvarchar(128)</c>).</summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>Splits <c>table</c> or <c>schema.table</c> into its schema (null when absent) and table.</summary>
    /// <exception cref="InvalidInputException">The name is empty, malformed or has more than two parts.</exception>
    public static (string? Schema, string Table) ParseTableName(string text)
    {
        var parts = SplitMultipartName(text, "table name");
        return parts.Count switch
        {
            1 => (null, parts[0]),
            2 => (parts[0], parts[1]),
            _ => throw new InvalidInputException(
                $"Invalid table name '{text}': expected table or schema.table; "
                + "a database or server part is not supported."),
        };
    }

    /// <summary>Returns the one column name in <paramref name="text"/>, without its quotes.</summary>
    /// <exception cref="InvalidInputException">The name is empty, malformed or has a dot outside quotes.</exception>
    public static string ParseColumnName(string text, string description)
    {
        var parts = SplitMultipartName(text, description);
        if (parts.Count != 1)
        {
            throw new InvalidInputException(
                $"Invalid {description} '{text}': expected one column name; "
                + "write a name that contains a dot in brackets, such as [a.b].");
        }

        return parts[0];
    }

    /// <summary>Splits a dotted name into its parts, removing brackets or double quotes and their escapes.</summary>
    /// <exception cref="InvalidInputException">A part is empty, too long or not closed.</exception>
    public static IReadOnlyList<string> SplitMultipartName(string text, string description)
    {
        ArgumentNullException.ThrowIfNull(text);

        var parts = new List<string>();
        var position = 0;
        while (true)
        {
            parts.Add(ReadPart(text, ref position, description));
            SkipWhiteSpace(text, ref position);
            if (position == text.Length)
            {
                return parts;
            }

            // ReadPart stops only at a dot or at the end, so the character here is a dot.
            position++;
        }
    }

    private static string ReadPart(string text, ref int position, string description)
    {
        SkipWhiteSpace(text, ref position);
        var part = position < text.Length && text[position] is '[' or '"'
            ? ReadQuotedPart(text, ref position, description)
            : ReadBarePart(text, ref position, description);

        if (part.Length == 0)
        {
            throw new InvalidInputException(
                $"Invalid {description} '{text}': a name part is empty; expected a name before and after each dot.");
        }

        if (part.Length > MaxIdentifierLength)
        {
            throw new InvalidInputException(
                $"Invalid {description} '{text}': the part '{part}' is {part.Length} characters long, "
                + $"but SQL Server names have at most {MaxIdentifierLength}.");
        }

        return part;
    }

    private static string ReadQuotedPart(string text, ref int position, string description)
    {
        var open = text[position];
        var close = open == '[' ? ']' : '"';
        var part = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var character = text[position++];
            if (character != close)
            {
                part.Append(character);
            }
            else if (position < text.Length && text[position] == close)
            {
                // A doubled closing character stands for one character inside the name.
                part.Append(close);
                position++;
            }
            else
            {
                EnsureDotOrEnd(text, position, description);
                return part.ToString();
            }
        }

        throw new InvalidInputException($"Invalid {description} '{text}': a '{open}' is not closed by '{close}'.");
    }

    private static string ReadBarePart(string text, ref int position, string description)
    {
        var start = position;
        while (position < text.Length && text[position] != '.')
        {
            if (text[position] is '[' or ']' or '"')
            {
                throw new InvalidInputException(
                    $"Invalid {description} '{text}': '{text[position]}' may appear only in a quoted part, "
                    + "such as [a]]b] for the name a]b.");
            }

            position++;
        }

        return text[start..position].Trim();
    }

    private static void EnsureDotOrEnd(string text, int position, string description)
    {
        SkipWhiteSpace(text, ref position);
        if (position < text.Length && text[position] != '.')
        {
            throw new InvalidInputException(
                $"Invalid {description} '{text}': expected a dot or the end after a quoted part, found '{text[position]}'.");
        }
    }

    private static void SkipWhiteSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
