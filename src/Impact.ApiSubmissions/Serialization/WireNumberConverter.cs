using System;
using System.Globalization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>
/// Reads the integers impact.com writes as strings (<c>"AccountId": "10001"</c>) as well as plain
/// JSON numbers; an empty string or null is "no value". Anything else fails with the field and value named.
/// </summary>
internal sealed class WireNumberConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(long) || objectType == typeof(long?) || objectType == typeof(int) || objectType == typeof(int?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var nullable = objectType == typeof(long?) || objectType == typeof(int?);
        var isInt32 = objectType == typeof(int) || objectType == typeof(int?);
        switch (reader.TokenType)
        {
            case JsonToken.Null:
            case JsonToken.Undefined:
                return nullable ? null : throw new WireValueException(reader.Path, "null", "a number");
            case JsonToken.Integer:
                return Narrow(reader, Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!, isInt32);
            case JsonToken.String:
                var text = ((string?)reader.Value)?.Trim() ?? string.Empty;
                if (text.Length == 0)
                {
                    return nullable ? null : throw new WireValueException(reader.Path, string.Empty, "a number");
                }

                return Narrow(reader, text, isInt32);
            case JsonToken.Float:
                var raw = Convert.ToString(reader.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
                    ? Narrow(reader, decimal.Truncate(d).ToString(CultureInfo.InvariantCulture), isInt32)
                    : throw new WireValueException(reader.Path, raw, "a whole number");
            default:
                throw new WireValueException(reader.Path, reader.TokenType.ToString(), "a number");
        }
    }

    private static object Narrow(JsonReader reader, string text, bool isInt32)
    {
        if (isInt32)
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                ? i
                : throw new WireValueException(reader.Path, text, "a 32-bit integer");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : throw new WireValueException(reader.Path, text, "an integer");
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }
    }
}
