namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Records (submissions, FTP files, failed lines) as RFC 4180 CSV: a header row of the wire field names, CRLF line ends, fields quoted
/// when they hold a comma, quote or line break; numbers invariant, dates ISO 8601 with their offset.
/// </summary>
internal sealed class CsvOutput
{
    /// <summary>The header: every wire field of the model, in the spec's order.</summary>
    public static IReadOnlyList<string> Columns => WireFields.Names;

    private readonly TextWriter _writer;
    private readonly IReadOnlyList<string> _columns;
    private bool _started;

    public CsvOutput(TextWriter writer)
        : this(writer, Columns)
    {
    }

    private CsvOutput(TextWriter writer, IReadOnlyList<string> columns)
    {
        _writer = writer;
        _columns = columns;
    }

    /// <summary>CSV of another model, its columns its wire fields in the spec's order.</summary>
    public static CsvOutput For<TModel>(TextWriter writer)
        where TModel : class => new(writer, WireFields<TModel>.Names);

    /// <summary>Writes the header if no row came: an empty listing is still a valid CSV file.</summary>
    public void End() => Start();

    public void Write<TModel>(TModel record)
        where TModel : class
    {
        Start();
        WriteRecord(WireFields<TModel>.Of(record).Select(field => field.Value));
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
            WriteRecord(_columns);
        }
    }

    private void WriteRecord(IEnumerable<string?> fields)
    {
        _writer.Write(string.Join(",", fields.Select(Escape)));
        _writer.Write("\r\n");
    }
}
