using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// Writes JSON the way impact.com does: numbers as strings, absent values as "", OrderId as null when
/// there is none, dates with their offset, page metadata as strings.
/// </summary>
internal static class WireJson
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonSerializer Reader = JsonSerializer.Create(Impact.ApiSubmissions.Serialization.ImpactJson.CreateSettings());

    // impact.com writes an absent OrderId as null, every other absent value as "".
    private const string NullWhenAbsent = nameof(ApiSubmission.OrderId);

    /// <summary>The name of a page's array: the published schema's, or the plural other list resources use.</summary>
    public const string ListArray = "APISubmission";

    /// <summary>The plural array name, when <see cref="ImpactMockServerOptions.PluralListArray"/> asks for it.</summary>
    public const string PluralListArray = "APISubmissions";

    public static byte[] Submission(ApiSubmission submission) =>
        Record(submission, SpecExamples.WireProperties, submission.AdditionalProperties, NullWhenAbsent);

    /// <summary>
    /// One record of the model: every wire property in the model's order, values as impact.com writes them,
    /// absent ones as "" (or null for the one property named), then the members the model does not name.
    /// </summary>
    public static byte[] Record(
        object record, IReadOnlyList<Newtonsoft.Json.Serialization.JsonProperty> properties, IDictionary<string, object> additional, string? nullWhenAbsent = null)
    {
        return Object(writer =>
        {
            // Every property the model (so the spec) has, in its order: a spec edit reaches the wire unaided.
            foreach (var property in properties)
            {
                var value = property.ValueProvider!.GetValue(record);
                writer.WritePropertyName(property.PropertyName!);
                if (value is null && property.PropertyName == nullWhenAbsent)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.WriteValue(WireText(value));
                }
            }

            foreach (var extra in additional)
            {
                writer.WritePropertyName(extra.Key);
                (extra.Value as JToken ?? (extra.Value is null ? JValue.CreateNull() : JToken.FromObject(extra.Value))).WriteTo(writer);
            }
        });
    }

    /// <summary>Reads wire JSON back into the SDK's DTO, exactly as a client would see it.</summary>
    public static ApiSubmission ReadSubmission(byte[] json)
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(json), Utf8));
        return Reader.Deserialize<ApiSubmission>(reader)
            ?? throw new InvalidOperationException("A stored submission did not read back as JSON.");
    }

    public static byte[] Error(string message, IReadOnlyList<KeyValuePair<string, string>>? fieldErrors = null) => Object(writer =>
    {
        Property(writer, "Status", "ERROR");
        Property(writer, "Message", message);
        if (fieldErrors is { Count: > 0 })
        {
            writer.WritePropertyName("Errors");
            writer.WriteStartArray();
            foreach (var error in fieldErrors)
            {
                writer.WriteStartObject();
                Property(writer, "Field", error.Key);
                Property(writer, "Message", error.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    });

    /// <summary>One JSON object, whose members <paramref name="members"/> writes, as UTF-8 bytes.</summary>
    public static byte[] Object(Action<JsonWriter> members)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>A member with a string value; null is written as "", as impact.com does.</summary>
    public static void Property(JsonWriter writer, string name, string? value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value ?? string.Empty);
    }

    /// <summary>
    /// One page: the metadata, then the submissions' pre-serialised JSON copied in without re-encoding,
    /// so a page of 1,000 costs one allocation and a few memory copies.
    /// </summary>
    public static byte[] Page(IReadOnlyList<KeyValuePair<string, string>> metadata, IReadOnlyList<byte[]> submissions, string arrayName)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { AutoCompleteOnClose = false })
        {
            writer.WriteStartObject();
            foreach (var item in metadata)
            {
                Property(writer, item.Key, item.Value);
            }

            writer.WritePropertyName(arrayName);
            writer.WriteStartArray();
        }

        var head = text.ToString();
        var length = Utf8.GetByteCount(head) + 2 + Math.Max(0, submissions.Count - 1);
        foreach (var item in submissions)
        {
            length += item.Length;
        }

        var body = new byte[length];
        var position = Utf8.GetBytes(head, 0, head.Length, body, 0);
        for (var i = 0; i < submissions.Count; i++)
        {
            if (i > 0)
            {
                body[position++] = (byte)',';
            }

            var item = submissions[i];
            Buffer.BlockCopy(item, 0, body, position, item.Length);
            position += item.Length;
        }

        body[position++] = (byte)']';
        body[position] = (byte)'}';
        return body;
    }

    // As impact.com writes values: numbers as strings, dates with the account's offset, absent as "".
    private static string WireText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTimeOffset date => AccountClock.ToWire(date),
        DateTime date => AccountClock.ToWire(new DateTimeOffset(date)),
        bool flag => flag ? "true" : "false",
        IFormattable number and not Enum => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
