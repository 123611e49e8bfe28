using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Records (submissions, FTP files, failed lines) as one JSON array, written as they arrive: each element is the record in impact.com's
/// wire shape, field names as sent and one rule for values: every value is a string, as impact.com writes
/// them (numbers as <c>"1000"</c>, dates in ISO 8601 with their offset), and an absent value is <c>""</c>.
/// </summary>
internal sealed class JsonOutput
{

    private readonly TextWriter _writer;
    private readonly bool _lines;
    private int _count;

    public JsonOutput(TextWriter writer)
        : this(writer, lines: false)
    {
    }

    private JsonOutput(TextWriter writer, bool lines)
    {
        _writer = writer;
        _lines = lines;
    }

    /// <summary>JSON Lines: each record on one line of its own, no array around them.</summary>
    public static JsonOutput Lines(TextWriter writer) => new(writer, lines: true);

    public void Write(object record)
    {
        if (_lines)
        {
            _count++;
            _writer.Write(Format(record, Formatting.None) + "\n");
            return;
        }

        // The bracket waits for the first record: a listing that fails at once leaves stdout empty.
        _writer.Write(_count++ == 0 ? "[\n  " : ",\n  ");
        // Values never hold a raw line break (JSON escapes them): every one is indentation.
        _writer.Write(Format(record).Replace("\n", "\n  ", StringComparison.Ordinal));
    }

    public void End()
    {
        if (!_lines)
        {
            _writer.Write(_count == 0 ? "[]\n" : "\n]\n");
        }
    }

    /// <summary>One record (a submission, an FTP file, a failed line) as indented JSON with the wire fields only.</summary>
    public static string Format(object record) => Format(record, Formatting.Indented);

    private static string Format(object record, Formatting formatting)
    {
        // The SDK marks its conveniences (IsComplete, ErrorReasons...) [JsonIgnore]: only wire fields are written.
        // Read back as text: dates keep their offsets as written.
        using var reader = new JsonTextReader(new System.IO.StringReader(ImpactJson.Serialize(record))) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var wire = JObject.Load(reader);
        foreach (var property in wire.Properties())
        {
            property.Value = WireValue(property.Value);
        }

        return wire.ToString(formatting);
    }

    // The one rule for values: strings stay, numbers and booleans become their invariant text, absent is "".
    private static JToken WireValue(JToken value) => value.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => string.Empty,
        JTokenType.Integer or JTokenType.Float or JTokenType.Boolean => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture)!.ToLowerInvariant(),
        _ => value,
    };
}
