using System.Collections.Generic;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>What the server answers one request with, before it becomes a WireMock response.</summary>
internal sealed class MockResponse
{
    public MockResponse(int statusCode, byte[] body)
    {
        StatusCode = statusCode;
        Body = body;
    }

    public int StatusCode { get; }

    public byte[] Body { get; set; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public MockResponse WithHeader(string name, string value)
    {
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }
}
