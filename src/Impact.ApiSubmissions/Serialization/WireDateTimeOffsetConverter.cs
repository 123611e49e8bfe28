using System;
using System.Globalization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>
/// Reads ISO 8601 dates keeping the offset exactly as written (<c>-07:00</c> stays <c>-07:00</c>,
/// whatever the machine's time zone); an empty string or null is "no value".
/// </summary>
internal sealed class WireDateTimeOffsetConverter : JsonConverter
{
    private const string RoundTrip = "yyyy-MM-ddTHH:mm:ss.FFFFFFFK";

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var nullable = objectType == typeof(DateTimeOffset?);
        switch (reader.TokenType)
        {
            case JsonToken.Null:
            case JsonToken.Undefined:
                return nullable ? null : throw new WireValueException(reader.Path, "null", "a date and time");
            case JsonToken.Date:
                return reader.Value switch
                {
                    DateTimeOffset dto => dto,
                    DateTime dt => new DateTimeOffset(dt),
                    _ => throw new WireValueException(reader.Path, Convert.ToString(reader.Value, CultureInfo.InvariantCulture) ?? string.Empty, "a date and time"),
                };
            case JsonToken.String:
                var text = ((string?)reader.Value)?.Trim() ?? string.Empty;
                if (text.Length == 0)
                {
                    return nullable ? null : throw new WireValueException(reader.Path, string.Empty, "a date and time");
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var value)
                    ? value
                    : throw new WireValueException(reader.Path, text, "an ISO 8601 date and time");
            default:
                throw new WireValueException(reader.Path, reader.TokenType.ToString(), "a date and time");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset dto)
        {
            writer.WriteValue(dto.ToString(RoundTrip, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
