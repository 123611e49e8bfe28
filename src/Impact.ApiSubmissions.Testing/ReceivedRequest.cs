using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions.Testing;

/// <summary>A request the mock server received, and the status code it answered with.</summary>
public sealed class ReceivedRequest
{
    internal ReceivedRequest(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, int statusCode, DateTimeOffset receivedAt)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
        Headers = headers;
        StatusCode = statusCode;
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path and query as sent, e.g. <c>/Advertisers/IRmock.../APISubmissions?Page=2&amp;PageSize=100</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>The request headers by name, ignoring case; repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The status code the server answered with.</summary>
    public int StatusCode { get; }

    /// <summary>When the request arrived, by the server's <see cref="ImpactMockServerOptions.TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery} -> {StatusCode}";
}
