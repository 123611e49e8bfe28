using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Impact.ApiSubmissions.Testing.Internal;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Impact.ApiSubmissions.Testing;

/// <summary>
/// A fake impact.com, by default on a free loopback port: the API Submissions endpoints with a seeded data set,
/// impact.com's wire format, paging, Basic authentication, and scenarios a test can switch on
/// (rate limiting, failures, latency, spoiled bodies, a submission that progresses). Dispose it to stop it.
/// All members are safe to call while requests are in flight.
/// </summary>
/// <example>
/// <code>
/// using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 42, SubmissionCount = 300 });
/// using var client = server.CreateClient();
/// await foreach (var page in client.GetApiSubmissionsAsync().AsPages(pageSizeHint: 100))
/// {
///     // page.Submissions, page.PageInfo.Total
/// }
/// </code>
/// </example>
public sealed partial class ImpactMockServer : IDisposable
{
    private readonly WireMockServer _server;
    private readonly SubmissionStore _store;
    private readonly MockResponder _responder;
    private readonly ConversionIntake _conversions;
    private readonly FtpFileStore _ftpFiles;
    private readonly SubmissionDefaults _defaults;
    private readonly TimeProvider _time;
    private int _disposed;

    private ImpactMockServer(ImpactMockServerOptions options)
    {
        _time = options.TimeProvider;
        _defaults = new SubmissionDefaults(options.AccountSid, options.AccountId, options.Now ?? _time.GetUtcNow());
        _store = new SubmissionStore(SubmissionGenerator.Generate(options.Seed, options.SubmissionCount, _defaults));
        _conversions = new ConversionIntake(_store, _defaults, _time, options.Seed);
        _ftpFiles = new FtpFileStore(FtpFileGenerator.Generate(options.Seed, options.FtpFileSubmissionCount, _defaults));
        _responder = new MockResponder(_store, _conversions, new FtpResponder(_ftpFiles, options.AccountSid), options.AccountSid, options.AccountId, options.AuthToken, _time, options.PluralListArray);
        AccountSid = options.AccountSid;
        AuthToken = options.AuthToken;

        _server = WireMockServer.Start(new WireMockServerSettings
        {
            // Loopback unless told otherwise, on a port the OS picks unless one is given.
            Urls = new[] { $"http://{HostForUrl(options.Host)}:{options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}" },
            Logger = new WireMockNullLogger(),
            // The server keeps its own small request log; WireMock's would hold every page body.
            MaxRequestLogCount = 0,
        });
        _server
            .Given(Request.Create().WithPath("/*").UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(_responder.RespondAsync));
        // WireMock may report a fixed port's address as "localhost": the base URL names the address asked for
        // (a wildcard one as loopback, where this machine's own clients reach it).
        var host = options.Host is "0.0.0.0" or "::" or "*" or "+" ? "127.0.0.1" : options.Host;
        BaseUrl = $"http://{HostForUrl(host)}:{_server.Ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:49152</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The Account SID the server accepts, as Basic user name and in paths.</summary>
    public string AccountSid { get; }

    /// <summary>The Auth Token the server accepts as Basic password.</summary>
    public string AuthToken { get; }

    /// <summary>
    /// The submissions in list order: the generated data set (oldest first), then those a test added.
    /// Each reads as a client of the server would read it now; a progressing submission shows the stage it
    /// has reached. Changing these objects does not change what the server answers.
    /// </summary>
    public IReadOnlyList<ApiSubmission> Submissions => new SubmissionListView(_store.All);

    /// <summary>
    /// The rules that decide what becomes of a conversion POSTed to <c>/Advertisers/{AccountSID}/Conversions</c>
    /// (refused with 400, or queued and completed with or without errors), and the programs and referrals a test adds to steer them.
    /// </summary>
    public MockConversionRules Conversions => _conversions.Rules;

    /// <summary>How many requests the server has received since it started or since <see cref="Reset"/>.</summary>
    public int RequestCount => _responder.Log.Count;

    /// <summary>
    /// The requests received since start or <see cref="Reset"/>, in the order they were answered; the most
    /// recent 10,000 are kept.
    /// </summary>
    public IReadOnlyList<ReceivedRequest> ReceivedRequests => _responder.Log.Snapshot();

    /// <summary>Starts a server with the default options: 300 submissions from seed 1.</summary>
    /// <returns>The running server.</returns>
    public static ImpactMockServer Start() => Start(new ImpactMockServerOptions());

    /// <summary>Generates the data set and starts a server on a free loopback port.</summary>
    /// <param name="options">The data set, credentials and clock.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static ImpactMockServer Start(ImpactMockServerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        return new ImpactMockServer(options);
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> for this server: <see cref="HttpClient.BaseAddress"/> set to
    /// <see cref="BaseUrl"/>, Basic credentials and <c>Accept: application/json</c> on every request.
    /// The caller disposes it.
    /// </summary>
    /// <returns>A new client.</returns>
    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":" + AuthToken)));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>
    /// Creates the SDK's <see cref="ApiSubmissionsClient"/> for this server: its credentials, its address,
    /// and the SDK's retries and timeouts (change them in <paramref name="configure"/>). The caller disposes it.
    /// </summary>
    /// <param name="configure">Changes to the client options, e.g. shorter retry delays for fast tests.</param>
    /// <returns>A new client.</returns>
    public ApiSubmissionsClient CreateClient(Action<ApiSubmissionsClientOptions>? configure = null)
    {
        var options = new ApiSubmissionsClientOptions { BaseAddress = new Uri(BaseUrl + "/") };
        configure?.Invoke(options);
        return new ApiSubmissionsClient(new ImpactCredentials(AccountSid, AuthToken), options);
    }

    /// <summary>Adds a submission after the others; list pages and gets include it at once.</summary>
    /// <param name="submission">What to add; fields it leaves unset take this server's account and clock.</param>
    /// <returns>The submission as a client will read it.</returns>
    /// <exception cref="ArgumentException">The server already holds a submission with this BatchId.</exception>
    public ApiSubmission Add(ApiSubmissionBuilder submission)
    {
        if (submission is null)
        {
            throw new ArgumentNullException(nameof(submission));
        }

        return Add(submission.Build(_defaults));
    }

    /// <summary>Adds a submission after the others, written in impact.com's wire format.</summary>
    /// <param name="submission">What to add; it needs a BatchId.</param>
    /// <returns>The submission as a client will read it.</returns>
    /// <exception cref="ArgumentException">It has no BatchId, or the server already holds one with this BatchId.</exception>
    public ApiSubmission Add(ApiSubmission submission)
    {
        if (submission is null)
        {
            throw new ArgumentNullException(nameof(submission));
        }

        if (string.IsNullOrEmpty(submission.BatchId))
        {
            throw new ArgumentException("The submission needs a BatchId.", nameof(submission));
        }

        var stored = new FixedSubmission(submission);
        _store.Add(stored);
        return stored.Current;
    }

    /// <summary>
    /// Adds a submission that processes as it is read: each get of it and each list page that shows it count as one
    /// read. The first <paramref name="getsPerStatus"/> reads answer <c>Queued</c>, the next <paramref name="getsPerStatus"/>
    /// <c>In Progress</c> (both with empty CompletionDate and errors), and every later one its final state. So a poll by
    /// BatchId and a sync that only lists both see it complete.
    /// </summary>
    /// <param name="final">The submission once processed; null for a conversion that completes without errors.</param>
    /// <param name="getsPerStatus">How many reads each of Queued and In Progress lasts; at least 1.</param>
    /// <returns>The submission in its final state (use its BatchId or Uri to poll it).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="getsPerStatus"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The server already holds a submission with this BatchId.</exception>
    public ApiSubmission AddProgressingSubmission(ApiSubmissionBuilder? final = null, int getsPerStatus = 1)
    {
        if (getsPerStatus < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(getsPerStatus), getsPerStatus, "Must be at least 1.");
        }

        var progressing = new ProgressingSubmission((final ?? new ApiSubmissionBuilder()).Build(_defaults), getsPerStatus);
        _store.Add(progressing);
        return progressing.Final;
    }

    /// <summary>
    /// Limits requests like impact.com's quota: in each window the first <paramref name="requests"/>
    /// authenticated requests are answered, the rest get 429 with <c>Retry-After</c>. From now on every
    /// such response carries <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and
    /// <c>X-RateLimit-Reset</c> (whole seconds until the window ends). The first window starts now.
    /// </summary>
    /// <param name="requests">Requests allowed per window; 0 rejects every request.</param>
    /// <param name="window">The window's length, e.g. one hour as impact.com's default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requests"/> is negative or <paramref name="window"/> is not positive.</exception>
    public void RateLimitAfter(int requests, TimeSpan window) => RateLimitAfter(requests, window, sendRetryAfter: true);

    /// <summary>
    /// Like <see cref="RateLimitAfter(int, TimeSpan)"/>; with <paramref name="sendRetryAfter"/> false a 429 carries
    /// no <c>Retry-After</c>, so a client must wait by <c>X-RateLimit-Reset</c> alone.
    /// </summary>
    /// <param name="requests">Requests allowed per window; 0 rejects every request.</param>
    /// <param name="window">The window's length.</param>
    /// <param name="sendRetryAfter">Whether a 429 carries <c>Retry-After</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requests"/> is negative or <paramref name="window"/> is not positive.</exception>
    public void RateLimitAfter(int requests, TimeSpan window, bool sendRetryAfter)
    {
        if (requests < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requests), requests, "Must not be negative.");
        }

        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "Must be positive.");
        }

        _responder.RateLimiter.Enable(requests, window, _time.GetUtcNow(), sendRetryAfter);
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> requests, whatever they ask, with
    /// <paramref name="statusCode"/> and impact.com's error body, as a burst of server or proxy failures.
    /// Replaces any burst still pending.
    /// </summary>
    /// <param name="count">How many requests fail; 0 ends a burst.</param>
    /// <param name="statusCode">A 4xx or 5xx status, by default 503.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or the status is not 4xx or 5xx.</exception>
    public void FailNext(int count, HttpStatusCode statusCode = HttpStatusCode.ServiceUnavailable)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Must not be negative.");
        }

        if ((int)statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Must be a 4xx or 5xx status.");
        }

        _responder.Failures.Set((int)statusCode, count);
    }

    /// <summary>
    /// Answers each request, at random, with probability <paramref name="rate"/> with <paramref name="statusCode"/>
    /// and impact.com's error body: flaky service days. 0 switches it off.
    /// </summary>
    /// <param name="rate">The share of requests that fail, 0 to 1.</param>
    /// <param name="statusCode">A 4xx or 5xx status, by default 503.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is outside 0 to 1 or the status is not 4xx or 5xx.</exception>
    public void SetFailureRate(double rate, HttpStatusCode statusCode = HttpStatusCode.ServiceUnavailable)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Must be between 0 and 1.");
        }

        if ((int)statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Must be a 4xx or 5xx status.");
        }

        _responder.FailureRate = (rate, (int)statusCode);
    }

    /// <summary>Delays every answer by <paramref name="latency"/>, in real time; <see cref="TimeSpan.Zero"/> switches it off.</summary>
    /// <param name="latency">The delay per request.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public void SetLatency(TimeSpan latency)
    {
        if (latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, "Must not be negative.");
        }

        _responder.Latency = latency;
    }

    /// <summary>
    /// Answers every successful request from now on with status 200 and a body that is not JSON (an HTML
    /// page, as a proxy in front of the service may send), still labelled <c>application/json</c>.
    /// </summary>
    public void ServeMalformedBodies() => _responder.BodyFaults.Set(BodyFault.Malformed, CountedSwitch<BodyFault>.Unlimited);

    /// <summary>Like <see cref="ServeMalformedBodies()"/>, for the next <paramref name="count"/> successful responses only.</summary>
    /// <param name="count">How many responses to spoil.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void ServeMalformedBodies(int count) => _responder.BodyFaults.Set(BodyFault.Malformed, NotNegative(count));

    /// <summary>
    /// Answers every successful request from now on with status 200 and only the first half of the real
    /// JSON body, as when a connection drops mid-response.
    /// </summary>
    public void ServeTruncatedBodies() => _responder.BodyFaults.Set(BodyFault.Truncated, CountedSwitch<BodyFault>.Unlimited);

    /// <summary>Like <see cref="ServeTruncatedBodies()"/>, for the next <paramref name="count"/> successful responses only.</summary>
    /// <param name="count">How many responses to spoil.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void ServeTruncatedBodies(int count) => _responder.BodyFaults.Set(BodyFault.Truncated, NotNegative(count));

    /// <summary>
    /// Acts as if the credentials were a scoped token without access to API Submissions: requests with
    /// valid credentials get 403 (wrong credentials still get 401).
    /// </summary>
    public void UseScopedTokenMode() => _responder.ScopedTokenMode = true;

    /// <summary>
    /// Returns to the state <see cref="Start(ImpactMockServerOptions)"/> left: the generated data set only,
    /// every scenario off, an empty request log and <see cref="RequestCount"/> 0. A request still held by
    /// <see cref="SetLatency"/> is answered 503 when its wait ends, and neither uses a scenario nor shows in the log.
    /// </summary>
    public void Reset()
    {
        _responder.ForgetRequestsInFlight();
        _responder.Failures.Clear();
        _responder.FailureRate = (0, 503);
        _responder.BodyFaults.Clear();
        _responder.RateLimiter.Disable();
        _responder.Latency = TimeSpan.Zero;
        _responder.ScopedTokenMode = false;
        _store.Reset();
        _ftpFiles.Reset();
        _conversions.Reset();
        _responder.Log.Clear();
    }

    /// <summary>Stops the server and frees its port.</summary>
    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            StopLiveSubmissions();
            var port = _server.Ports[0];
            _server.Stop();
            _server.Dispose();
            WaitUntilClosed(port);
        }
    }

    // WireMock's Stop cancels the host's run and also asks it to stop; the host ignores the second request
    // when the first is under way, so Stop can return while Kestrel still accepts and answers. Dispose
    // promises a stopped server: wait (bounded) until the port refuses connections.
    private static void WaitUntilClosed(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                probe.Connect(IPAddress.Loopback, port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return;
            }

            System.Threading.Thread.Sleep(10);
        }
    }

    private static string HostForUrl(string host) => host.IndexOf(':') >= 0 && !host.StartsWith("[", StringComparison.Ordinal) ? "[" + host + "]" : host;

    private static int NotNegative(int count) =>
        count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "Must not be negative.");
}
