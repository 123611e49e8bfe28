using System;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>
/// Reads and writes an extensible enum as its wire string. A value the SDK does not know is kept,
/// never rejected; an empty string or null reads as "no value".
/// </summary>
/// <typeparam name="T">The extensible enum struct.</typeparam>
internal sealed class ExtensibleEnumConverter<T> : JsonConverter
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
            case JsonToken.Undefined:
                return objectType == typeof(T) ? default(T) : null;
            case JsonToken.String:
            case JsonToken.Integer:
            case JsonToken.Float:
            case JsonToken.Boolean:
                var text = Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                if (text.Length == 0)
                {
                    return objectType == typeof(T) ? default(T) : null;
                }

                return default(T).FromWire(text);
            default:
                throw new WireValueException(reader.Path, reader.TokenType.ToString(), $"a {typeof(T).Name} string");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteValue(value.ToString());
    }
}
