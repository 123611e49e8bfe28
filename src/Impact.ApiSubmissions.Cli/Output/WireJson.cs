using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// A record (a submission, an FTP file, a failed line) as JSON in impact.com's wire shape: field names as sent and one
/// rule for values: every value is a string, as impact.com writes them (numbers as <c>"1000"</c>, dates in ISO 8601
/// with their offset), and an absent value is <c>""</c>.
/// </summary>
internal static class WireJson
{
    /// <summary>The record as indented JSON with the wire fields only.</summary>
    public static string Format(object record) => Format(record, Formatting.Indented);

    public static string Format(object record, Formatting formatting)
    {
        // The SDK marks its conveniences (IsComplete, ErrorReasons...) [JsonIgnore]: only wire fields are written.
        // Read back as text: dates keep their offsets as written.
        using var reader = new JsonTextReader(new StringReader(ImpactJson.Serialize(record))) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
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
