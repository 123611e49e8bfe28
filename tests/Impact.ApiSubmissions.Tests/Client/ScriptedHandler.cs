using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>A fake transport that answers each request from a script and records what it was sent.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _script;
    private int _calls;

    public ScriptedHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> script) => _script = script;

    public ScriptedHandler(Func<HttpRequestMessage, int, HttpResponseMessage> script)
        : this((request, call, _) => Task.FromResult(script(request, call)))
    {
    }

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, IDictionary<string, string>? headers = null) =>
        Respond(body, "application/json", status, headers);

    public static HttpResponseMessage Respond(string body, string mediaType, HttpStatusCode status = HttpStatusCode.OK, IDictionary<string, string>? headers = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var call = Interlocked.Increment(ref _calls);
        return _script(request, call, cancellationToken);
    }
}

internal static class TestClients
{
    public const string Sid = "IRsid4567";
    public const string Token = "tok-9f8e7d6c5b4a-SECRET";

    public static ApiSubmissionsClient Create(HttpMessageHandler handler, ApiSubmissionsClientOptions? options = null) =>
        new(new HttpClient(handler), new ImpactCredentials(Sid, Token), options ?? FastOptions());

    /// <summary>The internal generated transport with credentials, to show its operations pass the same gate.</summary>
    public static ApiSubmissionsRestClient CreateTransport(HttpMessageHandler handler, ApiSubmissionsClientOptions? options = null) =>
        new(new HttpClient(handler), new ImpactCredentials(Sid, Token), options ?? FastOptions());

    /// <summary>Retries on, with tiny delays and no jitter, so retry tests are quick and exact.</summary>
    public static ApiSubmissionsClientOptions FastOptions(int maxRetries = 3) => new()
    {
        Retry = new ApiSubmissionsRetryOptions
        {
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(20),
            MaxRateLimitDelay = TimeSpan.FromMilliseconds(300),
            UseJitter = false,
            AttemptTimeout = TimeSpan.FromSeconds(5),
            OverallTimeout = TimeSpan.FromSeconds(20),
        },
    };

    public static string Submission(string batchId, string status = "Complete") =>
        "{\"BatchId\":\"" + batchId + "\",\"AccountId\":\"10001\",\"Status\":\"" + status + "\",\"Type\":\"Conversion\",\"ErrorType\":\"\",\"ErrorReason\":\"\",\"CompletionDate\":\"\"}";
}
