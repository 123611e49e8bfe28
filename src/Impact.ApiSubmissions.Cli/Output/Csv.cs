namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>The one CSV rule of the tool (RFC 4180): fields joined by commas, a record ended by CRLF.</summary>
internal static class Csv
{
    /// <summary>
    /// Quotes a field that holds a comma, quote or line break, and one that starts like a spreadsheet formula
    /// (<c>=</c>, <c>+</c>, <c>@</c>): values come from the server.
    /// </summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        return field.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || field[0] is '=' or '+' or '@'
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }

    public static void WriteLine(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(",", fields.Select(Escape)));
        writer.Write("\r\n");
    }
}
