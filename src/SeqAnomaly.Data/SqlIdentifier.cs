using SeqAnomaly.Core;

namespace SeqAnomaly.Data;

/// <summary>One part of a name typed by a user, such as <c>Parts</c> or <c>"Sales"</c>, with its quotes removed.</summary>
/// <param name="Name">The part without its quotes, with doubled quote characters made single.</param>
/// <param name="IsQuoted">Whether the user wrote the part in double quotes, which asks for an exact, case-sensitive match.</param>
public sealed record SqlIdentifier(string Name, bool IsQuoted)
{
    /// <summary>
    /// Parses a dotted name into its parts. A part is either unquoted text without dots, or text in double
    /// quotes where <c>""</c> stands for one quote and dots are part of the name.
    /// </summary>
    /// <param name="text">The name as the user typed it.</param>
    /// <param name="what">What the name is, such as "Table name", for the error message.</param>
    /// <exception cref="InvalidInputException">The text is empty, has an empty part, or has an unclosed quote.</exception>
    public static IReadOnlyList<SqlIdentifier> ParseDotted(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<SqlIdentifier>();
        var position = 0;
        while (true)
        {
            parts.Add(ParsePart(text, ref position, what));
            if (position == text.Length)
            {
                return parts;
            }

            // ParsePart stops only at the end or at a dot.
            position++;
        }
    }

    /// <summary>Parses a name that must have exactly one part, such as a column name.</summary>
    /// <exception cref="InvalidInputException">The text is not one valid part.</exception>
    public static SqlIdentifier ParseSingle(string text, string what)
    {
        var parts = ParseDotted(text, what);
        if (parts.Count != 1)
        {
            // A column name may contain dots; written in quotes it parses as one part.
            throw new InvalidInputException(
                $"{what} '{text}' is invalid: expected one name. Write a name that contains dots in double quotes.");
        }

        return parts[0];
    }

    private static SqlIdentifier ParsePart(string text, ref int position, string what)
    {
        if (position < text.Length && text[position] == '"')
        {
            return ParseQuotedPart(text, ref position, what);
        }

        var end = text.IndexOf('.', position);
        if (end < 0)
        {
            end = text.Length;
        }

        var name = text[position..end].Trim();
        if (name.Length == 0)
        {
            throw new InvalidInputException($"{what} '{text}' is invalid: it has an empty name part.");
        }

        position = end;
        return new SqlIdentifier(name, IsQuoted: false);
    }

    private static SqlIdentifier ParseQuotedPart(string text, ref int position, string what)
    {
        var name = new System.Text.StringBuilder();
        var i = position + 1;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new InvalidInputException($"{what} '{text}' is invalid: a double quote is not closed.");
            }

            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    name.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                break;
            }

            name.Append(text[i]);
            i++;
        }

        if (i < text.Length && text[i] != '.')
        {
            throw new InvalidInputException(
                $"{what} '{text}' is invalid: expected a dot or the end after the closing double quote.");
        }

        if (name.Length == 0)
        {
            throw new InvalidInputException($"{what} '{text}' is invalid: it has an empty name part.");
        }

        position = i;
        return new SqlIdentifier(name.ToString(), IsQuoted: true);
    }

    /// <summary>
    /// Picks the catalog name this part refers to. A quoted part matches only its exact spelling. An unquoted part
    /// matches its exact spelling first, then the one name that differs from it only in letter case.
    /// </summary>
    /// <param name="catalogNames">Names that exist in the catalog.</param>
    /// <param name="what">What the name is, such as "Table name", for the error message.</param>
    /// <returns>The catalog's spelling, or null when nothing matches.</returns>
    /// <exception cref="InvalidInputException">Several names differ from an unquoted part only in letter case.</exception>
    public string? Match(IEnumerable<string> catalogNames, string what)
    {
        var names = catalogNames.Distinct(StringComparer.Ordinal).ToList();
        if (names.Contains(Name, StringComparer.Ordinal))
        {
            return Name;
        }

        if (IsQuoted)
        {
            return null;
        }

        var caseless = names.Where(name => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (caseless.Count > 1)
        {
            throw new InvalidInputException(
                $"{what} '{Name}' is ambiguous: it matches {string.Join(" and ", caseless.Select(n => $"'{n}'"))}. " +
                "Write the name in double quotes with the exact letter case.");
        }

        return caseless.SingleOrDefault();
    }
}
