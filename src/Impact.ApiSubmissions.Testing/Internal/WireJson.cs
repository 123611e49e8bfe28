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

    public static byte[] Submission(ApiSubmission submission)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartObject();
            Write(writer, "BatchId", submission.BatchId);
            Write(writer, "AccountId", submission.AccountId);
            Write(writer, "SubmissionDate", submission.SubmissionDate);
            Write(writer, "CampaignId", submission.CampaignId);
            Write(writer, "ActionTrackerId", submission.ActionTrackerId);
            Write(writer, "MediaPartnerId", submission.MediaPartnerId);
            Write(writer, "EventCode", submission.EventCode);
            writer.WritePropertyName("OrderId");
            writer.WriteValue(submission.OrderId);
            Write(writer, "Payload", submission.Payload);
            Write(writer, "Type", submission.Type?.ToString());
            Write(writer, "Status", submission.Status?.ToString());
            Write(writer, "CompletionDate", submission.CompletionDate);
            Write(writer, "ErrorType", submission.ErrorType?.ToString());
            Write(writer, "ErrorReason", submission.ErrorReason);
            Write(writer, "Uri", submission.Uri);
            foreach (var extra in submission.AdditionalFields)
            {
                Write(writer, extra.Key, extra.Value);
            }

            writer.WriteEndObject();
        }

        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>Reads wire JSON back into the SDK's DTO, exactly as a client would see it.</summary>
    public static ApiSubmission ReadSubmission(byte[] json)
    {
        return Impact.ApiSubmissions.Serialization.ImpactJson.Deserialize<ApiSubmission>(Utf8.GetString(json));
    }

    public static byte[] Error(string message, IReadOnlyList<KeyValuePair<string, string>>? fieldErrors = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartObject();
            Write(writer, "Status", "ERROR");
            Write(writer, "Message", message);
            if (fieldErrors is { Count: > 0 })
            {
                writer.WritePropertyName("Errors");
                writer.WriteStartArray();
                foreach (var error in fieldErrors)
                {
                    writer.WriteStartObject();
                    Write(writer, "Field", error.Key);
                    Write(writer, "Message", error.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>
    /// One page: the metadata, then the submissions' pre-serialised JSON copied in without re-encoding,
    /// so a page of 1,000 costs one allocation and a few memory copies.
    /// </summary>
    public static byte[] Page(IReadOnlyList<KeyValuePair<string, string>> metadata, IReadOnlyList<byte[]> submissions)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { AutoCompleteOnClose = false })
        {
            writer.WriteStartObject();
            foreach (var item in metadata)
            {
                Write(writer, item.Key, item.Value);
            }

            writer.WritePropertyName("APISubmissions");
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

    private static void Write(JsonWriter writer, string name, string? value)
    {
        writer.WritePropertyName(name);
        writer.WriteValue(value ?? string.Empty);
    }

    private static void Write(JsonWriter writer, string name, long? value) =>
        Write(writer, name, value?.ToString(CultureInfo.InvariantCulture));

    private static void Write(JsonWriter writer, string name, DateTimeOffset? value) =>
        Write(writer, name, value is { } date ? AccountClock.ToWire(date) : null);
}
