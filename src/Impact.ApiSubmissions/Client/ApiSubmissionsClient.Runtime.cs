using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;
using Polly;
using Polly.Timeout;

namespace Impact.ApiSubmissions;

/// <summary>
/// The client for impact.com's API Submissions: read one submission by BatchId or QueuedUri, wait for one
/// to finish, or stream them all. Generated from the OpenAPI spec by NSwag; this part adds credentials,
/// retries, paging and waiting. Thread-safe: share one instance.
/// </summary>
public partial class ApiSubmissionsClient : IDisposable
{
    private static readonly string SdkUserAgent = "Impact.ApiSubmissions/" + SdkVersion();

    private readonly ImpactCredentials? _credentials;
    private readonly ApiSubmissionsClientOptions _options = new();
    private readonly ResiliencePipeline _pipeline = ResiliencePipeline.Empty;
    private readonly HttpClient? _ownedHttpClient;
    private readonly string _userAgent = SdkUserAgent;
    private JsonSerializer? _serializer;
    private RateLimitState? _rateLimit;

    /// <summary>
    /// Creates a client for impact.com that owns its HTTP connection pool; dispose it when done.
    /// Requests carry HTTP Basic with <paramref name="credentials"/>, <c>Accept: application/json</c> and the SDK's User-Agent.
    /// </summary>
    /// <param name="credentials">The Account SID and Auth Token.</param>
    /// <param name="options">Base address, retries and timeouts; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is null.</exception>
    /// <exception cref="ArgumentException">The base address is plain http to a host other than loopback.</exception>
    public ApiSubmissionsClient(ImpactCredentials credentials, ApiSubmissionsClientOptions? options = null)
        : this(CreateOwnedHttpClient(), credentials, options)
    {
        _ownedHttpClient = _httpClient;
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you own, e.g. one from <c>IHttpClientFactory</c>.
    /// The client never disposes it. Set its <see cref="HttpClient.Timeout"/> to infinite: the client's own
    /// per-attempt timeout and deadline (<see cref="ApiSubmissionsRetryOptions"/>) apply.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send through.</param>
    /// <param name="credentials">The Account SID and Auth Token.</param>
    /// <param name="options">Base address, retries and timeouts; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="credentials"/> is null.</exception>
    /// <exception cref="ArgumentException">The base address is plain http to a host other than loopback.</exception>
    public ApiSubmissionsClient(HttpClient httpClient, ImpactCredentials credentials, ApiSubmissionsClientOptions? options = null)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _options = options ?? new ApiSubmissionsClientOptions();
        RequestPaths.RequireSafeTransport(_options.BaseAddress, nameof(options));
        BaseUrl = _options.BaseAddress.AbsoluteUri;
        _userAgent = string.IsNullOrWhiteSpace(_options.UserAgentSuffix) ? SdkUserAgent : SdkUserAgent + " " + _options.UserAgentSuffix!.Trim();
        _pipeline = ImpactResiliencePipeline.Create(_options.Retry);
    }

    /// <summary>The Account SID every path uses (from the credentials), or null for a client built without credentials.</summary>
    public string? AccountSid => _credentials?.AccountSid;

    /// <summary>The rate-limit headers of the latest response that carried them, so callers can throttle; null until then.</summary>
    public RateLimitState? RateLimit => Volatile.Read(ref _rateLimit);

    private JsonSerializer Serializer => _serializer ??= JsonSerializer.Create(JsonSerializerSettings);

    /// <summary>Releases the connection pool the client created; an <see cref="HttpClient"/> passed in is left alone.</summary>
    public void Dispose()
    {
        _ownedHttpClient?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"ApiSubmissionsClient({BaseUrl}, AccountSid={AccountSid ?? "(none)"})";

    // Generated hook, called for every request (generated operations and ours): the one gate, then identity and headers.
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (_credentials is null)
        {
            return;
        }

        // Refused before any credential is attached: the configured base address (not the settable BaseUrl) is the origin.
        request.RequestUri = RequestGate.Check(_options.BaseAddress, request.RequestUri, _credentials.AccountSid);
        request.Headers.Authorization = _credentials.ToBasicHeader();
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (_options.ApiVersion is { } version)
        {
            request.Headers.Remove("IR-Version");
            request.Headers.TryAddWithoutValidation("IR-Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // Generated hook, called for every response: remember the rate-limit state.
    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        var state = RateLimitState.FromResponse(response, DateTimeOffset.UtcNow);
        if (state is not null)
        {
            Volatile.Write(ref _rateLimit, state);
        }
    }

    /// <summary>
    /// Sends one GET through the resilience pipeline and reads the body as <typeparamref name="T"/>. Every failure
    /// leaves as <see cref="ImpactApiException"/> or a subtype; <see cref="OperationCanceledException"/> only for the caller's token.
    /// </summary>
    /// <param name="target">Our relative path, or a link from the server (relative or absolute); the gate decides where it may go.</param>
    /// <param name="batchId">The BatchId asked for, to name it in a 404; null for a page.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    internal Task<T> GetAsync<T>(string target, string? batchId, CancellationToken cancellationToken)
        where T : class
    {
        RequireCredentials();
        return GetAsync<T>(Resolve(target), batchId, cancellationToken);
    }

    /// <summary>A path or link resolved against the base address, or <see cref="ImpactOriginRefusedException"/> if the gate refuses it.</summary>
    internal Uri Resolve(string target) => RequestGate.Resolve(_options.BaseAddress, target, _credentials!.AccountSid);

    private async Task<T> GetAsync<T>(Uri uri, string? batchId, CancellationToken cancellationToken)
        where T : class
    {
        var attempt = 0;
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await SendOnceAsync<T>(uri, batchId, Interlocked.Increment(ref attempt), token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is TimeoutRejectedException or OperationCanceledException)
        {
            // Polly's timeouts, or the HttpClient's own Timeout: either way no answer in time, not the caller's cancellation.
            throw new ImpactTimeoutException(
                $"impact.com did not answer GET {uri.AbsolutePath} in time ({Attempts(attempt)}; "
                + $"attempt timeout {Describe(_options.Retry.AttemptTimeout)}, overall deadline {Describe(_options.Retry.OverallTimeout)}).",
                attempt,
                Since(started),
                e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new ImpactTransportException(
                _credentials!.Redact($"Could not reach impact.com: {e.Message} (GET {uri.AbsolutePath}, {Attempts(attempt)})."),
                attempt,
                Since(started),
                e);
        }
    }

    private async ValueTask<T> SendOnceAsync<T>(Uri uri, string? batchId, int attempt, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        PrepareRequest(_httpClient, request, uri.AbsoluteUri);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            // Logged as it happens, a timed-out or cancelled attempt included: a server that never answers
            // still shows each attempt (and its elapsed time) to whoever watches the log.
            Log(uri, null, attempt, started, e is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? "no answer: timed out or cancelled"
                : _credentials!.Redact(e.GetType().Name + ": " + e.Message));
            throw;
        }

        using (response)
        {
            ProcessResponse(_httpClient, response);
            Log(uri, (int)response.StatusCode, attempt, started, null);
            Func<string, string> redact = _credentials!.Redact;
            if (!response.IsSuccessStatusCode)
            {
                throw await ImpactErrorResponses.CreateAsync(response, RateLimitState.FromResponse(response, DateTimeOffset.UtcNow), batchId, redact, cancellationToken).ConfigureAwait(false);
            }

            var mediaType = response.Content?.Headers.ContentType?.MediaType;
            if (mediaType is not null && mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                throw ImpactErrorResponses.NotJson(response, mediaType, await ImpactErrorResponses.ReadBoundedAsync(response, cancellationToken, 512).ConfigureAwait(false), redact);
            }

            var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            try
            {
                return ImpactJson.Deserialize<T>(body.GetBuffer(), (int)body.Length, Serializer);
            }
            catch (ImpactWireFormatException e)
            {
                throw e.ForResponse((int)response.StatusCode, ImpactErrorResponses.Headers(response, redact), redact);
            }
        }
    }

    // The body is read in full asynchronously, every read bounded by the token: a trickling body ends with the
    // deadline instead of holding a thread, and disposing the response never has to drain it. Parsing then
    // runs on bytes already here. Memory stays bounded by the pages in flight.
    private static async Task<MemoryStream> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        if (response.Content is null)
        {
            return body;
        }

        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await stream.CopyToAsync(body, 81920, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("Reading the response was cancelled.", e, cancellationToken);
        }

        return body;
    }

    private void Log(Uri uri, int? status, int attempt, long started, string? failure)
    {
        var log = _options.RequestLogged;
        if (log is null)
        {
            return;
        }

        log(new ApiRequestLogEntry("GET", uri.PathAndQuery, status, attempt, Since(started), failure));
    }

    private void RequireCredentials()
    {
        if (_credentials is null)
        {
            throw new InvalidOperationException("This client was created without credentials: use new ApiSubmissionsClient(new ImpactCredentials(accountSid, authToken)).");
        }
    }

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static TimeSpan Since(long started) => TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);

    private static string Describe(TimeSpan? limit) => limit is { } value ? $"{value.TotalSeconds:0.###} s" : "none";

    private static HttpClient CreateOwnedHttpClient()
    {
#if NET8_0_OR_GREATER
        // Redirects are not followed: a server's Location is data, and credentials go only to the base address.
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
#endif
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    private static string SdkVersion()
    {
        var assembly = typeof(ApiSubmissionsClient).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
