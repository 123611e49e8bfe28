using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Submissions as RFC 4180 CSV: a header row of the wire field names, CRLF line ends, fields quoted
/// when they hold a comma, quote or line break; numbers invariant, dates ISO 8601 with their offset.
/// </summary>
internal sealed class CsvOutput
{
    /// <summary>The header: every wire field of the model, in the spec's order.</summary>
    public static IReadOnlyList<string> Columns => WireFields.Names;

    private readonly TextWriter _writer;
    private bool _started;

    public CsvOutput(TextWriter writer) => _writer = writer;

    /// <summary>Writes the header if no row came: an empty listing is still a valid CSV file.</summary>
    public void End() => Start();

    public void Write(ApiSubmission s)
    {
        Start();
        WriteRecord(WireFields.Of(s).Select(field => field.Value));
    }

    /// <summary>Quotes a field if it needs it.</summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        return field.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    // The header waits for the first row: a listing that fails at once leaves stdout empty.
    private void Start()
    {
        if (!_started)
        {
            _started = true;
            WriteRecord(Columns);
        }
    }

    private void WriteRecord(IEnumerable<string?> fields)
    {
        _writer.Write(string.Join(",", fields.Select(Escape)));
        _writer.Write("\r\n");
    }
}
