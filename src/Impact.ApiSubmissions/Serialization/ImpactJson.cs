using System;
using System.IO;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions.Serialization;

/// <summary>
/// JSON settings that read impact.com's wire format as it really is: numbers written as strings,
/// empty strings for absent values, date offsets kept exactly, unknown fields kept.
/// The client reads with them; use <see cref="Serialize"/> and <see cref="Deserialize{T}(string)"/> when you store or reload submissions yourself.
/// </summary>
public static class ImpactJson
{
    /// <summary>Creates serializer settings configured for impact.com's wire format.</summary>
    /// <returns>New settings; changing them affects nothing else.</returns>
    internal static JsonSerializerSettings CreateSettings()
    {
        var settings = new JsonSerializerSettings();
        Configure(settings);
        return settings;
    }

    /// <summary>Reads one value of <typeparamref name="T"/> from JSON text in impact.com's wire format.</summary>
    /// <typeparam name="T">The type to read, e.g. <see cref="ApiSubmission"/> or <see cref="ApiSubmission"/>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value; never null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ImpactWireFormatException">The text is not valid JSON (RFC 8259: no comments, trailing commas, single quotes,
    /// unquoted names or members without a value), not of the expected shape, is empty or truncated,
    /// or a value cannot be read as its field's type. The message names the field and the value.</exception>
    public static T Deserialize<T>(string json)
        where T : class
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        return Deserialize<T>(bytes, bytes.Length, JsonSerializer.Create(CreateSettings()));
    }

    /// <summary>Writes a value as JSON with the same settings, so that a value read from the wire is written back unchanged.</summary>
    /// <param name="value">The value to write.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(object? value, bool indented = false)
    {
        var settings = CreateSettings();
        settings.Formatting = indented ? Formatting.Indented : Formatting.None;
        return JsonConvert.SerializeObject(value, settings);
    }

    internal static void Configure(JsonSerializerSettings settings)
    {
        // Unknown fields land in AdditionalProperties: keep their text as sent, dates and decimals included.
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        settings.Converters.Add(new WireNumberConverter());
        settings.Converters.Add(new WireDateTimeOffsetConverter());
    }

    /// <summary>Checks that the UTF-8 bytes are strictly valid JSON, then reads them; the bytes are read in full already, so this never waits on a network.</summary>
    internal static T Deserialize<T>(byte[] utf8, int length, JsonSerializer serializer)
        where T : class
    {
        StrictJson.Validate(utf8, length);
        T? value;
        try
        {
            using var text = new StreamReader(new MemoryStream(utf8, 0, length, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var reader = new JsonTextReader(text) { CloseInput = false };
            value = serializer.Deserialize<T>(reader);
            if (value is not null)
            {
                // Anything after the value (a second document, stray text) means the body is not what we think.
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                    {
                        throw new JsonReaderException($"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.");
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw ImpactWireFormatException.From(e, typeof(T));
        }

        return value ?? throw new ImpactWireFormatException($"The body holds no {typeof(T).Name}: it is empty or the JSON literal null.", string.Empty, string.Empty, null);
    }
}
