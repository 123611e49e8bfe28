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
/// The one pipeline (internal) that sends the requests the spec's generated builders make (<c>ImpactRequests</c>):
/// the gate once per request and once per answer, credentials and headers, retries and deadlines, the rate-limit
/// state, logging and telemetry, and reading the body once, from bytes. <see cref="ApiSubmissionsClient"/> owns one
/// and is the only public way in. Every setting is read once, here, at construction.
/// </summary>
internal sealed partial class ApiSubmissionsRestClient
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(ImpactJson.CreateSettings());

    private readonly HttpClient _httpClient;
    private static readonly string SdkUserAgent = "Impact.ApiSubmissions/" + SdkVersion();

    private readonly ImpactCredentials _credentials;
    private readonly Uri _baseAddress = ApiSubmissionsClientOptions.DefaultBaseAddress;
    private readonly int? _apiVersion;
    private readonly Action<ApiRequestLogEntry>? _requestLogged;
    private readonly TimeSpan? _attemptTimeout;
    private readonly TimeSpan? _overallTimeout;
    private readonly ResiliencePipeline _pipeline = ResiliencePipeline.Empty;
    private readonly string _userAgent = SdkUserAgent;
    private RateLimitState? _rateLimit;

    /// <summary>A transport with credentials; <paramref name="options"/> is read here and never again.</summary>
    public ApiSubmissionsRestClient(HttpClient httpClient, ImpactCredentials credentials, ApiSubmissionsClientOptions? options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        options ??= new ApiSubmissionsClientOptions();
        if (options.BaseAddress is null || options.Retry is null)
        {
            throw new ArgumentException($"ApiSubmissionsClientOptions.{(options.BaseAddress is null ? "BaseAddress" : "Retry")} cannot be null; leave it unset for the default.", nameof(options));
        }

        Arguments.RequireSafeTransport(options.BaseAddress, nameof(options));
        _baseAddress = options.BaseAddress;
        _apiVersion = options.ApiVersion;
        _requestLogged = options.RequestLogged;
        _attemptTimeout = options.Retry.AttemptTimeout;
        _overallTimeout = options.Retry.OverallTimeout;
        _userAgent = string.IsNullOrWhiteSpace(options.UserAgentSuffix) ? SdkUserAgent : SdkUserAgent + " " + options.UserAgentSuffix!.Trim();
        _pipeline = ImpactResiliencePipeline.Create(options.Retry);
        _conversionPipeline = ImpactResiliencePipeline.Create(options.Retry, retryWhen: ConversionDelivery.SurelyNotDelivered);
    }

    /// <summary>The Account SID every path uses.</summary>
    public string AccountSid => _credentials.AccountSid;

    /// <summary>The configured base address: the one origin credentials go to.</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>The rate-limit headers of the latest response that carried them; null until then.</summary>
    public RateLimitState? RateLimit => Volatile.Read(ref _rateLimit);

    // A fresh message for each attempt (one cannot be sent twice): the generated request's method, Accept and body.
    private static HttpRequestMessage NewMessage<T>(Uri uri, ImpactRequest<T> operation)
        where T : class
    {
        var message = new HttpRequestMessage(operation.Method, uri);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(operation.Accept));
        if (operation.Body is { } body)
        {
            message.Content = new ByteArrayContent(body.Bytes);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(body.MediaType);
        }

        return message;
    }

    // Every attempt: credentials and the identity headers. The URI has passed the gate when the request was resolved.
    private void Prepare(HttpRequestMessage request)
    {
        request.Headers.Authorization = _credentials.ToBasicHeader();
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (_apiVersion is { } version)
        {
            request.Headers.TryAddWithoutValidation("IR-Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // Every response: remember the rate-limit state.
    private void RememberRateLimit(HttpResponseMessage response)
    {
        var state = RateLimitHeaders.Read(response, DateTimeOffset.UtcNow);
        if (state is not null)
        {
            Volatile.Write(ref _rateLimit, state);
        }
    }

    /// <summary>
    /// Sends a generated GET request through the resilience pipeline and reads the body as <typeparamref name="T"/>.
    /// Every failure leaves as <see cref="ImpactApiException"/> or a subtype; <see cref="OperationCanceledException"/>
    /// only for the caller's token.
    /// </summary>
    /// <param name="request">The request, from a generated <c>ImpactRequests.Create...Request</c>.</param>
    /// <param name="batchId">The BatchId asked for: the answer must be that record, and a 404 names it; null for a page.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    internal Task<T> GetAsync<T>(ImpactRequest<T> request, string? batchId, CancellationToken cancellationToken)
        where T : class =>
        GetAsync(Resolve(request.PathAndQuery), request, batchId, cancellationToken);

    /// <summary>A path or link resolved against the base address, or <see cref="ImpactOriginRefusedException"/> if the gate refuses it.</summary>
    internal Uri Resolve(string target) => RequestGate.Resolve(_baseAddress, target, _credentials.AccountSid);

    /// <summary>A GET of a URI that passed the gate (<see cref="Resolve"/>): a generated request's, or a page link from the server.</summary>
    /// <param name="uri">The resolved URI.</param>
    /// <param name="operation">The generated request the URI comes from (a listing's first page, for its next pages): its Accept header and, for telemetry, its operation.</param>
    /// <param name="batchId">The BatchId asked for, or null.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="bodyRead">Called once the body's bytes are in, before they are parsed: a prefetching listing sends its next request then.</param>
    internal async Task<T> GetAsync<T>(Uri uri, ImpactRequest<T> operation, string? batchId, CancellationToken cancellationToken, Action? bodyRead = null)
        where T : class
    {
        if (typeof(T) == typeof(ApiSubmissionPage))
        {
            WarmUpPageReader();
        }

        var attempt = 0;
        var started = Stopwatch.GetTimestamp();
        using var activity = ImpactTelemetry.StartCall("GET", uri, operation.OperationId, operation.PathTemplate);
        try
        {
            return await _pipeline.ExecuteAsync(
                async token => await SendOnceAsync(uri, operation, batchId, Interlocked.Increment(ref attempt), bodyRead, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is TimeoutRejectedException or OperationCanceledException)
        {
            // Polly's timeouts, or the HttpClient's own Timeout: either way no answer in time, not the caller's cancellation.
            throw new ImpactTimeoutException(
                $"impact.com did not answer GET {uri.AbsolutePath} in time ({Attempts(attempt)}; "
                + $"attempt timeout {Describe(_attemptTimeout)}, overall deadline {Describe(_overallTimeout)}).",
                attempt,
                Since(started),
                e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new ImpactTransportException(
                _credentials.Redact($"Could not reach impact.com: {e.Message} (GET {uri.AbsolutePath}, {Attempts(attempt)})."),
                attempt,
                Since(started),
                e);
        }
    }

    private async ValueTask<T> SendOnceAsync<T>(Uri uri, ImpactRequest<T> operation, string? batchId, int attempt, Action? bodyRead, CancellationToken cancellationToken)
        where T : class
    {
        using var request = NewMessage(uri, operation);
        using var response = await SendCheckedAsync(request, batchId, attempt, cancellationToken).ConfigureAwait(false);
        Func<string, string> redact = _credentials.Redact;
        var mediaType = response.Content?.Headers.ContentType?.MediaType;
        if (mediaType is not null && mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw ImpactErrorResponses.NotJson(response, mediaType, await ImpactErrorResponses.ReadBoundedAsync(response, cancellationToken, 512).ConfigureAwait(false), redact);
        }

        var body = await ReadBodyAsync<T>(response, cancellationToken).ConfigureAwait(false);
        bodyRead?.Invoke();
        T answer;
        try
        {
            answer = ImpactJson.Deserialize<T>(body.GetBuffer(), (int)body.Length, Serializer);
        }
        catch (ImpactWireFormatException e)
        {
            throw e.ForResponse((int)response.StatusCode, ImpactErrorResponses.Headers(response, redact), redact);
        }

        AnswerCheck.Verify(answer, batchId, redact);
        return answer;
    }

    /// <summary>
    /// One attempt of any request: credentials and headers, the send, the answer's gate, the rate-limit
    /// state and the log entry. An error status leaves as the SDK's exception; a success is the caller's to read and dispose.
    /// </summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, string? batchId, int attempt, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        Prepare(request);
        var method = request.Method.Method;
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
            Log(method, uri, null, attempt, started, e is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? "no answer: timed out or cancelled"
                : _credentials.Redact(e.GetType().Name + ": " + e.Message));
            throw;
        }

        try
        {
            // A caller's HttpClient may follow redirects by itself: the answer counts only if it came from where the gate allows.
            RequestGate.CheckAnswer(_baseAddress, uri, response.RequestMessage?.RequestUri, _credentials.AccountSid, method);
            RememberRateLimit(response);
            Log(method, uri, (int)response.StatusCode, attempt, started, null);
            if (!response.IsSuccessStatusCode)
            {
                throw await ImpactErrorResponses.CreateAsync(response, RateLimitHeaders.Read(response, DateTimeOffset.UtcNow), batchId, _credentials.Redact, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static int _pageReaderWarm;

    // A process's first page costs Newtonsoft.Json's contract resolution and the JIT of the whole read path (about
    // 200 ms against 30 ms later). Once per process, a tiny page is read on the thread pool while the first request
    // waits on the network, so that cost overlaps the wait instead of following it.
    private void WarmUpPageReader()
    {
        if (Interlocked.Exchange(ref _pageReaderWarm, 1) != 0)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                var bytes = Encoding.UTF8.GetBytes(WarmUpPage);
                ImpactJson.Deserialize<ApiSubmissionPage>(bytes, bytes.Length, Serializer);
            }
            catch (Exception)
            {
                // Only a warm-up: the real pages report their own errors.
            }
        });
    }

    private const string WarmUpPage = """{"@page":"1","@numpages":"1","@pagesize":"1","@total":"1","@start":"1","@end":"1","@uri":"","@firstpageuri":"","@previouspageuri":"","@nextpageuri":"","@lastpageuri":"","APISubmission":[{"BatchId":"A-1","AccountId":"1","SubmissionDate":"2026-08-31T15:37:25-07:00","CampaignId":"1","ActionTrackerId":"1","MediaPartnerId":"1","EventCode":"SALE","OrderId":"1","Payload":"CampaignId=1","Type":"Conversion","Status":"Complete","CompletionDate":"2026-08-31T15:37:40-07:00","ErrorType":"","ErrorReason":"","Uri":""}]}""";

    // The body is read in full asynchronously, every read bounded by the token: a trickling body ends with the
    // deadline instead of holding a thread, and disposing the response never has to drain it. Parsing then
    // runs on bytes already here. Memory stays bounded by the pages in flight. The buffer is sized up front rather
    // than doubled from empty (which allocates about twice the body, on the large object heap): from Content-Length
    // when the server sends one (capped: a header is no reason to allocate), else from the last body of the same type
    // plus a quarter, since a listing's pages are alike (decompressed answers carry no length).
    private static async Task<MemoryStream> ReadBodyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return new MemoryStream();
        }

        var expected = response.Content.Headers.ContentLength ?? BodySize<T>.Last + (BodySize<T>.Last / 4L);
        var body = new MemoryStream((int)Math.Min(expected, MaxPresizedBody));

        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await stream.CopyToAsync(body, 81920, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("Reading the response was cancelled.", e, cancellationToken);
        }

        BodySize<T>.Last = (int)Math.Min(body.Length, MaxPresizedBody);
        return body;
    }

    private const long MaxPresizedBody = 8 * 1024 * 1024;

    private static class BodySize<T>
    {
        public static int Last;
    }

    private void Log(string method, Uri uri, int? status, int attempt, long started, string? failure)
    {
        ImpactTelemetry.Attempt(method, uri, status, attempt, Since(started), failure, RateLimit);
        var log = _requestLogged;
        if (log is null)
        {
            return;
        }

        log(new ApiRequestLogEntry(method, uri.PathAndQuery, status, attempt, Since(started), failure));
    }

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static TimeSpan Since(long started) => TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);

    private static string Describe(TimeSpan? limit) => limit is { } value ? $"{value.TotalSeconds:0.###} s" : "none";

    internal static HttpClient CreateOwnedHttpClient()
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
        var assembly = typeof(ApiSubmissionsRestClient).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
