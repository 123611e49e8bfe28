using System;
using System.Text.Json;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>
/// Lets System.Text.Json (ASP.NET Core's default serializer) write and read a model exactly as Newtonsoft does:
/// the wire names, enum values as their wire strings, dates with their offset, no computed members. Both
/// serializers then give the same JSON, and either reads the other's back into an equal model.
/// </summary>
/// <typeparam name="T">A model generated from the spec.</typeparam>
internal sealed class WireFormatJsonConverter<T> : System.Text.Json.Serialization.JsonConverter<T>
    where T : class
{
    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return ImpactJson.Deserialize<T>(document.RootElement.GetRawText());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteRawValue(ImpactJson.Serialize(value), skipInputValidation: true);
}

/// <summary>Writes and reads an extensible enum (<see cref="SubmissionStatus"/>, ...) as its wire string under System.Text.Json.</summary>
/// <typeparam name="T">The extensible enum struct.</typeparam>
internal sealed class ExtensibleEnumJsonConverter<T> : System.Text.Json.Serialization.JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => default(T).FromWire(reader.GetString() ?? string.Empty),
        _ => throw new JsonException($"A {typeof(T).Name} is a JSON string, not {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
