using System;
using System.Net.Http;

namespace Impact.ApiSubmissions;

/// <summary>
/// The client for impact.com's API Submissions: read one submission by BatchId or QueuedUri, wait for one
/// to finish, or list them all. Every constructor takes credentials, and options are read once, when the
/// client is created: nothing about a client changes afterwards. Thread-safe: share one instance.
/// Methods are virtual so that code using the client can be tested with a mock.
/// </summary>
public partial class ApiSubmissionsClient : IDisposable
{
    private readonly ApiSubmissionsRestClient _rest = null!;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>
    /// Creates a client for impact.com that owns its HTTP connection pool; dispose it when done.
    /// Requests carry HTTP Basic with <paramref name="credentials"/>, <c>Accept: application/json</c> and the SDK's User-Agent.
    /// </summary>
    /// <param name="credentials">The Account SID and Auth Token.</param>
    /// <param name="options">Base address, retries and timeouts; null for the defaults. Read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is null, or the base address is not absolute or is plain http to a host other than loopback.</exception>
    public ApiSubmissionsClient(ImpactCredentials credentials, ApiSubmissionsClientOptions? options = null)
    {
        var httpClient = ApiSubmissionsRestClient.CreateOwnedHttpClient();
        try
        {
            _rest = new ApiSubmissionsRestClient(httpClient, credentials, options);
        }
        catch
        {
            httpClient.Dispose();
            throw;
        }

        _ownedHttpClient = httpClient;
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you own, e.g. one from <c>IHttpClientFactory</c>.
    /// The client never disposes it. Set its <see cref="HttpClient.Timeout"/> to infinite: the client's own
    /// per-attempt timeout and deadline (<see cref="ApiSubmissionsRetryOptions"/>) apply.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send through.</param>
    /// <param name="credentials">The Account SID and Auth Token.</param>
    /// <param name="options">Base address, retries and timeouts; null for the defaults. Read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="credentials"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is null, or the base address is not absolute or is plain http to a host other than loopback.</exception>
    public ApiSubmissionsClient(HttpClient httpClient, ImpactCredentials credentials, ApiSubmissionsClientOptions? options = null)
    {
        _rest = new ApiSubmissionsRestClient(httpClient, credentials, options);
    }

    /// <summary>For mocking only: a client made this way has no transport, and every member not overridden throws.</summary>
    protected ApiSubmissionsClient()
    {
    }

    /// <summary>The Account SID every path uses, from the credentials.</summary>
    public virtual string AccountSid => Rest.AccountSid!;

    /// <summary>The rate-limit headers of the latest response that carried them, so callers can throttle; null until then.</summary>
    public virtual RateLimitState? RateLimit => Rest.RateLimit;

    private ApiSubmissionsRestClient Rest => _rest ?? throw new InvalidOperationException("This ApiSubmissionsClient was made with the protected constructor, for mocking: override the members you use.");

    /// <summary>Releases the connection pool the client created; an <see cref="HttpClient"/> passed in is left alone.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection pool the client created, when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    /// <summary>The base address and Account SID, for logs and debuggers. Never holds the Auth Token.</summary>
    public override string ToString() => _rest is null ? nameof(ApiSubmissionsClient) : $"ApiSubmissionsClient({_rest.BaseAddress.AbsoluteUri}, AccountSid={_rest.AccountSid})";
}
