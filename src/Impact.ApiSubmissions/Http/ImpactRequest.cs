using System;
using System.Globalization;
using System.Net.Http;
using System.Text;

namespace Impact.ApiSubmissions.Http;

/// <summary>
/// One operation's request as the generated <c>ImpactRequests.Create...Request</c> builds it from the spec: method,
/// path and query relative to the base address, the media types and the body. Immutable: the pipeline makes a fresh
/// <see cref="HttpRequestMessage"/> from it for each attempt. <typeparamref name="T"/> is the answer's model.
/// </summary>
internal sealed class ImpactRequest<T>(string method, string operationId, string pathTemplate, string pathAndQuery, string accept, RequestBody? body)
    where T : class
{
    public HttpMethod Method { get; } = new(method);

    /// <summary>The spec's operationId, e.g. <c>GetApiSubmission</c>.</summary>
    public string OperationId { get; } = operationId;

    /// <summary>The spec's path template, e.g. <c>Advertisers/{AccountSID}/APISubmissions/{BatchId}</c> (telemetry's <c>url.template</c>).</summary>
    public string PathTemplate { get; } = pathTemplate;

    /// <summary>The path with its values escaped, and the query; relative to the base address.</summary>
    public string PathAndQuery { get; } = pathAndQuery;

    public string Accept { get; } = accept;

    public RequestBody? Body { get; } = body;
}

/// <summary>A request body as bytes with its media type; sent as it is on every attempt.</summary>
internal sealed class RequestBody(byte[] bytes, string mediaType)
{
    public byte[] Bytes { get; } = bytes;

    public string MediaType { get; } = mediaType;
}

/// <summary>What the generated request builders call to turn values into a path, a query and a body.</summary>
internal static class ImpactRequest
{
    /// <summary>
    /// Escapes a value as one path segment: '/', '?', '#', '%', spaces and non-ASCII are percent-encoded.
    /// A value made only of dots is refused: System.Uri resolves '.' and '..' (even escaped) as steps to another
    /// path, and no impact.com identifier looks like that.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">The caller's parameter that holds it, named by the exception.</param>
    /// <exception cref="ArgumentException">The value is null, empty or only dots.</exception>
    public static string Segment(string value, string parameterName)
    {
        if (value is null || value.Trim('.').Length == 0)
        {
            throw new ArgumentException($"'{value}' is not a valid identifier: a path segment made only of dots would address another path.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Appends <c>name=value</c>, both escaped, after '?' or '&amp;'; a null value is left out.</summary>
    public static void Query(StringBuilder pathAndQuery, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        var first = true;
        for (var i = 0; i < pathAndQuery.Length && first; i++)
        {
            first = pathAndQuery[i] != '?';
        }

        pathAndQuery.Append(first ? '?' : '&')
            .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    public static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Text(string? value) => value;

    public static string? Text(bool? value) => value is { } flag ? (flag ? "true" : "false") : null;

    /// <summary>A conversion as impact.com's form body: the payload's own form encoding, in UTF-8.</summary>
    public static RequestBody Body(SubmissionPayload payload, string mediaType) =>
        new(Encoding.UTF8.GetBytes((payload ?? throw new ArgumentNullException(nameof(payload))).ToString()), mediaType);
}
