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

    // Generated hook, called for every request (generated operations and ours): identity and headers.
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (_credentials is null)
        {
            return;
        }

        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            RequestPaths.RequireSafeTransport(uri, nameof(BaseUrl));
        }

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

    /// <summary>Sends one GET through the resilience pipeline and reads the body as <typeparamref name="T"/>.</summary>
    internal async Task<T> GetAsync<T>(string relativeUri, string? batchId, CancellationToken cancellationToken)
        where T : class
    {
        RequireCredentials();
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await SendOnceAsync<T>(relativeUri, batchId, Interlocked.Increment(ref attempt), token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"impact.com did not answer GET {PathOf(relativeUri)} in time ({attempt} attempt{(attempt == 1 ? string.Empty : "s")}; "
                + $"attempt timeout {Describe(_options.Retry.AttemptTimeout)}, overall deadline {Describe(_options.Retry.OverallTimeout)}).",
                e);
        }
    }

    private async ValueTask<T> SendOnceAsync<T>(string relativeUri, string? batchId, int attempt, CancellationToken cancellationToken)
        where T : class
    {
        var uri = new Uri(new Uri(BaseUrl), relativeUri);
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
                : e.GetType().Name + ": " + e.Message);
            throw;
        }

        using (response)
        {
            ProcessResponse(_httpClient, response);
            Log(uri, (int)response.StatusCode, attempt, started, null);
            if (!response.IsSuccessStatusCode)
            {
                throw await ImpactErrorResponses.CreateAsync(response, RateLimitState.FromResponse(response, DateTimeOffset.UtcNow), batchId, cancellationToken).ConfigureAwait(false);
            }

            var mediaType = response.Content?.Headers.ContentType?.MediaType;
            if (mediaType is not null && mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
            {
                throw ImpactErrorResponses.NotJson(response, mediaType, await ImpactErrorResponses.ReadBoundedAsync(response, cancellationToken, 512).ConfigureAwait(false));
            }

            return await ReadBodyAsync<T>(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        if (response.Content is null)
        {
            throw ImpactErrorResponses.Unreadable(response, new ImpactWireFormatException("The body is empty.", string.Empty, string.Empty, null));
        }

        // The page is parsed straight from the network stream, never held whole as a string. A cancelled
        // token (caller, or the per-attempt timeout) disposes the stream to abort a read stuck waiting for
        // bytes; the reader is built first, so that disposal can only surface from a read, as a cancellation.
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using (stream)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
            using var abort = cancellationToken.Register(static s => ((IDisposable)s!).Dispose(), stream);
            try
            {
                return ImpactJson.Deserialize<T>(reader, Serializer);
            }
            catch (ImpactWireFormatException e)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw ImpactErrorResponses.Unreadable(response, e);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is ObjectDisposedException or IOException or ArgumentException or NotSupportedException)
            {
                throw new OperationCanceledException("Reading the response was cancelled.", e, cancellationToken);
            }
        }
    }

    private void Log(Uri uri, int? status, int attempt, long started, string? failure)
    {
        var log = _options.RequestLogged;
        if (log is null)
        {
            return;
        }

        var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
        log(new ApiRequestLogEntry("GET", uri.PathAndQuery, status, attempt, elapsed, failure));
    }

    private void RequireCredentials()
    {
        if (_credentials is null)
        {
            throw new InvalidOperationException("This client was created without credentials: use new ApiSubmissionsClient(new ImpactCredentials(accountSid, authToken)).");
        }
    }

    private static string PathOf(string relativeUri)
    {
        var cut = relativeUri.IndexOf('?');
        return "/" + (cut < 0 ? relativeUri : relativeUri.Substring(0, cut)).TrimStart('/');
    }

    private static string Describe(TimeSpan? limit) => limit is { } value ? $"{value.TotalSeconds:0.###} s" : "none";

    private static HttpClient CreateOwnedHttpClient()
    {
#if NET8_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        var handler = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
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
