using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

/// <summary>
/// The one exception family of the SDK: every failure of a client call is this type or one of its subtypes.
/// This type itself means impact.com answered with an error status: it carries the status code, impact.com's
/// error envelope when there was one, the body (bounded in length) and the rate-limit headers.
/// Subtypes: <see cref="ImpactTransportException"/> (no answer), <see cref="ImpactTimeoutException"/> (no answer in time),
/// <see cref="ImpactWireFormatException"/> (an answer that cannot be read), <see cref="ImpactOriginRefusedException"/>
/// (a request that would leave the base address) and <see cref="ImpactRunawayListingException"/> (a listing that does not end).
/// The message says what to do. It never holds the Auth Token.
/// </summary>
public class ImpactApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>An error status from impact.com, e.g. to throw from a mocked client in your own tests.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    public ImpactApiException(int statusCode, string message)
        : this(statusCode, message, null, null, null, null, null)
    {
    }

    internal ImpactApiException(
        int statusCode,
        string message,
        string? boundedBody,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        ImpactError? error,
        RateLimitState? rateLimit,
        Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = boundedBody;
        Headers = headers ?? NoHeaders;
        Error = error;
        RateLimit = rateLimit;
    }

    // The shape the generated transport throws (exceptionClass in nswag.json); its operations serve tests of the spec only.
    internal ImpactApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(statusCode, Describe(message, statusCode, innerException), response, headers, null, null, innerException)
    {
    }

    /// <summary>The HTTP status code of impact.com's answer; 0 when there was none (see the subtypes).</summary>
    public int StatusCode { get; }

    /// <summary>The body of the answer, bounded in length, with any echoed secret redacted; null when there was none.</summary>
    public string? Response { get; }

    /// <summary>The headers of the answer, with any echoed secret redacted; empty when there was none.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>impact.com's error envelope (<c>Message</c> and per-field <c>Errors</c>), when the body held one.</summary>
    public ImpactError? Error { get; }

    /// <summary>The rate-limit headers of the failed response, when it carried them (always worth a look on a 429).</summary>
    public RateLimitState? RateLimit { get; }

    /// <summary>True for failures worth retrying later: 429, 500, 502, 503, 504, no answer, and bodies cut short in transit.</summary>
    public virtual bool IsTransient => IsTransientStatus(StatusCode);

    internal static bool IsTransientStatus(int statusCode) =>
        statusCode == 429 || statusCode == 500 || statusCode == 502 || statusCode == 503 || statusCode == 504;

    private static string Describe(string message, int statusCode, Exception? innerException) =>
        innerException is JsonException json
            ? $"impact.com answered {statusCode} but the body could not be read: {ImpactWireFormatException.From(json, null).Message}"
            : $"{message} (status {statusCode})";
}
