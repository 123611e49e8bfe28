using System;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

/// <summary>
/// JSON from impact.com (or stored from it) could not be read: it is not JSON, it is truncated, or a
/// field holds a value that cannot be read as its type. <see cref="Field"/> and <see cref="Value"/>
/// say where and what; nothing half-read is ever returned. When it comes from a response,
/// <see cref="ImpactApiException.StatusCode"/> and <see cref="ImpactApiException.Headers"/> are the response's; otherwise the status is 0.
/// </summary>
public class ImpactWireFormatException : ImpactApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be read.</param>
    /// <param name="field">The JSON path of the field, or empty when the problem is not one field's.</param>
    /// <param name="value">The offending value, bounded in length, or empty.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public ImpactWireFormatException(string message, string field, string value, Exception? innerException)
        : this(0, null, message, field, value, innerException, isTruncated: false)
    {
    }

    private ImpactWireFormatException(
        int statusCode,
        System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>>? headers,
        string message,
        string field,
        string value,
        Exception? innerException,
        bool isTruncated)
        : base(statusCode, message, null, headers, null, null, innerException)
    {
        Field = field ?? string.Empty;
        Value = WireText.Bound(value);
        IsTruncated = isTruncated;
    }

    /// <summary>The JSON path of the field that could not be read (e.g. <c>APISubmissions[2].AccountId</c>), or empty.</summary>
    public string Field { get; }

    /// <summary>The value that could not be read, at most 80 characters, or empty.</summary>
    public string Value { get; }

    /// <summary>True when the JSON simply stops early, as when a connection or proxy cuts a body short.</summary>
    public bool IsTruncated { get; private set; }

    /// <summary>A body cut short in transit is worth another attempt; any other unreadable body is not.</summary>
    public override bool IsTransient => IsTruncated;

    /// <summary>The same problem, as read from a response: its status and headers, with <paramref name="redact"/> applied to every text.</summary>
    /// <param name="statusCode">The response's status.</param>
    /// <param name="headers">The response's headers, redacted.</param>
    /// <param name="redact">Removes the credentials' secret from every text.</param>
    /// <param name="consequence">A sentence added to the message, on what the failed read means for the caller; empty for none.</param>
    internal ImpactWireFormatException ForResponse(int statusCode, System.Collections.Generic.IReadOnlyDictionary<string, System.Collections.Generic.IEnumerable<string>> headers, Func<string, string> redact, string consequence = "") =>
        new(statusCode, headers, redact($"impact.com answered {statusCode} but the body could not be read: {Message}{consequence}"), redact(Field), redact(Value), WithoutSecret(InnerException, redact), IsTruncated);

    // The parser's own exception quotes the value it choked on: dropped when that value holds a secret.
    private static Exception? WithoutSecret(Exception? inner, Func<string, string> redact) =>
        inner is not null && redact(inner.ToString()) != inner.ToString() ? null : inner;

    internal static ImpactWireFormatException Invalid(string message, string field, bool truncated) =>
        new(0, null, message + (field.Length == 0 ? string.Empty : $" (field '{field}')") + ".", field, string.Empty, null, truncated);

    internal static ImpactWireFormatException From(JsonException e, Type? target)
    {
        switch (e)
        {
            case WireValueException wire:
                return new ImpactWireFormatException(wire.Message, wire.Field, wire.Value, e);
            case JsonReaderException reader:
                var where = $"line {reader.LineNumber}, position {reader.LinePosition}";
                var field = reader.Path ?? string.Empty;
                if (LooksTruncated(reader.Message))
                {
                    return new ImpactWireFormatException($"The JSON ends early, at {where}{Near(field)}: the body looks truncated.", field, string.Empty, e) { IsTruncated = true };
                }

                return new ImpactWireFormatException($"The body is not valid JSON{For(target)} at {where}{Near(field)}: {FirstSentence(reader.Message)}", field, string.Empty, e);
            case JsonSerializationException serialization:
                var path = serialization.Path ?? string.Empty;
                if (LooksTruncated(serialization.Message))
                {
                    return new ImpactWireFormatException($"The JSON ends early{Near(path)}: the body looks truncated.", path, string.Empty, e) { IsTruncated = true };
                }

                return new ImpactWireFormatException($"The JSON does not have the expected shape{For(target)}{Near(path)}: {FirstSentence(serialization.Message)}", path, string.Empty, e);
            default:
                return new ImpactWireFormatException($"The JSON could not be read{For(target)}: {FirstSentence(e.Message)}", string.Empty, string.Empty, e);
        }
    }

    // A string or object that never closes can only end at the end of the input.
    private static bool LooksTruncated(string message) =>
        message.IndexOf("Unexpected end", StringComparison.Ordinal) >= 0
        || message.IndexOf("Unterminated", StringComparison.Ordinal) >= 0
        || message.IndexOf("end of file", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string For(Type? target) => target is null ? string.Empty : $" for {target.Name}";

    private static string Near(string path) => path.Length == 0 ? string.Empty : $" (field '{path}')";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return WireText.Bound(end < 0 ? message : message.Substring(0, end + 1), 160);
    }
}
