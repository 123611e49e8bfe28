using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Records of one model as json (one array), jsonl (a record a line) or csv (RFC 4180: a header row of the wire field
/// names in the spec's order, CRLF line ends), each written as it comes. Nothing is written before the first record
/// or <see cref="End"/>: a listing that fails at once leaves stdout empty.
/// </summary>
internal sealed class RecordWriter<T>
    where T : class
{
    private readonly TextWriter _writer;
    private readonly OutputFormat _format;
    private int _count;

    public RecordWriter(TextWriter writer, OutputFormat format)
    {
        _writer = writer;
        _format = format;
    }

    public void Write(T record)
    {
        var first = _count++ == 0;
        switch (_format)
        {
            case OutputFormat.Csv:
                if (first)
                {
                    Csv.WriteLine(_writer, WireFields<T>.Names);
                }

                Csv.WriteLine(_writer, WireFields<T>.Of(record).Select(f => f.Value));
                break;
            case OutputFormat.JsonLines:
                _writer.Write(WireJson.Format(record, Formatting.None) + "\n");
                break;
            default:
                _writer.Write(first ? "[\n  " : ",\n  ");
                // Values never hold a raw line break (JSON escapes them): every one is indentation.
                _writer.Write(WireJson.Format(record).Replace("\n", "\n  ", StringComparison.Ordinal));
                break;
        }
    }

    /// <summary>Closes the array; a csv without records is still its header, an empty json still an array.</summary>
    public void End()
    {
        if (_format == OutputFormat.Csv && _count == 0)
        {
            Csv.WriteLine(_writer, WireFields<T>.Names);
        }
        else if (_format == OutputFormat.Json)
        {
            _writer.Write(_count == 0 ? "[]\n" : "\n]\n");
        }
    }
}
