using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// Answers every request the way impact.com would, then applies the scenarios a test switched on.
/// Order: latency, injected failures, credentials (401), scoped-token mode (403), rate limit (429),
/// routing and validation (404, 405, 400), the answer itself, and last any spoiled body.
/// A conversion POST is answered by <see cref="ConversionIntake"/>.
/// </summary>
internal sealed class MockResponder
{
    private const string JsonSuffix = ".json";

    private readonly SubmissionStore _store;
    private readonly ConversionIntake _conversions;
    private readonly FtpResponder _ftp;
    private readonly TimeProvider _time;
    private readonly string _accountSid;
    private readonly string _listArray;
    private readonly string _expectedCredentials;
    private readonly byte[] _companyInformation;
    private long _latencyTicks;
    private System.Runtime.CompilerServices.StrongBox<(double Rate, int Status)> _failureRateBox = new((0, 503));
    private volatile bool _scopedTokenMode;
    private int _generation;

    public MockResponder(SubmissionStore store, ConversionIntake conversions, FtpResponder ftp, string accountSid, long accountId, string authToken, TimeProvider time, bool pluralListArray)
    {
        _store = store;
        _conversions = conversions;
        _ftp = ftp;
        _time = time;
        _accountSid = accountSid;
        _listArray = pluralListArray ? WireJson.PluralListArray : WireJson.ListArray;
        _expectedCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(accountSid + ":" + authToken));
        _companyInformation = CompanyInformation.Json(accountSid, accountId);
    }

    public RequestLog Log { get; } = new();

    public RateLimiter RateLimiter { get; } = new();

    public CountedSwitch<int> Failures { get; } = new();

    public CountedSwitch<BodyFault> BodyFaults { get; } = new();

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>The share of requests answered with an error status at random, and that status.</summary>
    public (double Rate, int Status) FailureRate
    {
        get => Volatile.Read(ref _failureRateBox).Value;
        set => Volatile.Write(ref _failureRateBox, new System.Runtime.CompilerServices.StrongBox<(double Rate, int Status)>(value));
    }

    public bool ScopedTokenMode
    {
        get => _scopedTokenMode;
        set => _scopedTokenMode = value;
    }

    /// <summary>
    /// Parts with every request received so far: one still held by the latency is answered 503 later, without
    /// touching the scenarios or the log, so a test that shares the server never sees the one before it.
    /// </summary>
    public void ForgetRequestsInFlight() => Interlocked.Increment(ref _generation);

    public async Task<IResponseMessage> RespondAsync(IRequestMessage request)
    {
        var generation = Volatile.Read(ref _generation);
        var receivedAt = _time.GetUtcNow();
        Log.Next();
        var latency = Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency).ConfigureAwait(false);
        }

        if (generation != Volatile.Read(ref _generation))
        {
            return ToWireMock(Error(503));
        }

        var headers = ReadHeaders(request);
        var target = new Uri(request.Url);
        var response = Answer(request.Method, target, headers, request.BodyAsBytes);
        Log.Keep(new ReceivedRequest(request.Method, target.PathAndQuery, headers, response.StatusCode, receivedAt));
        return ToWireMock(response);
    }

    private MockResponse Answer(string method, Uri target, IReadOnlyDictionary<string, string> headers, byte[]? body)
    {
        if (Failures.TryUse(out var failureStatus))
        {
            return Error(failureStatus);
        }

        var (rate, rateStatus) = FailureRate;
        if (rate > 0 && Random.Shared.NextDouble() < rate)
        {
            return Error(rateStatus);
        }

        if (!HasValidCredentials(headers))
        {
            return Error(401);
        }

        if (ScopedTokenMode)
        {
            return Error(403);
        }

        var limit = RateLimiter.Take(_time.GetUtcNow());
        var response = limit is { Allowed: false } refused
            ? (RateLimiter.SendsRetryAfter ? Error(429).WithHeader("Retry-After", Text(refused.ResetSeconds)) : Error(429))
            : Route(method, target, headers, body);

        if (response.StatusCode == 200 && BodyFaults.TryUse(out var fault))
        {
            response.Body = fault == BodyFault.Malformed ? ErrorBodies.NotJson : response.Body.AsSpan(0, response.Body.Length / 2).ToArray();
        }

        if (limit is { } decision)
        {
            response.WithHeader("X-RateLimit-Limit", Text(decision.Limit))
                .WithHeader("X-RateLimit-Remaining", Text(decision.Remaining))
                .WithHeader("X-RateLimit-Reset", Text(decision.ResetSeconds));
        }

        return response;
    }

    private MockResponse Route(string method, Uri target, IReadOnlyDictionary<string, string> headers, byte[]? body)
    {
        // /Advertisers/{AccountSID}/APISubmissions[/{BatchId}], .../FTPFileSubmissions[/{BatchId}[/ErrorDetails]] or .../CompanyInformation,
        // segments unescaped one by one so an escaped '/' inside a BatchId stays part of it. impact.com accepts
        // a ".json" suffix on every path (clients written for it use one), so the last segment may carry it.
        var segments = target.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length > 0 && segments[^1].EndsWith(JsonSuffix, StringComparison.OrdinalIgnoreCase))
        {
            segments[^1] = segments[^1].Substring(0, segments[^1].Length - JsonSuffix.Length);
        }

        if (ConversionIntake.IsConversionsPath(segments))
        {
            return !string.Equals(segments[1], _accountSid, StringComparison.Ordinal) ? Error(403)
                : method.Equals("POST", StringComparison.OrdinalIgnoreCase) ? _conversions.Post(headers, body)
                : Error(405).WithHeader("Allow", "POST");
        }

        var company = segments.Length == 3 && segments[2].Equals("CompanyInformation", StringComparison.OrdinalIgnoreCase);
        var ftp = FtpResponder.Matches(segments);
        if (!ftp && (segments.Length is < 3 or > 4
            || !segments[0].Equals("Advertisers", StringComparison.OrdinalIgnoreCase)
            || !(company || segments[2].Equals("APISubmissions", StringComparison.OrdinalIgnoreCase))))
        {
            return Error(404);
        }

        if (!string.Equals(segments[1], _accountSid, StringComparison.Ordinal))
        {
            return Error(403);
        }

        if (!method.Equals("GET", StringComparison.OrdinalIgnoreCase))
        {
            return Error(405).WithHeader("Allow", "GET");
        }

        return ftp ? _ftp.Answer(segments, target.Query)
            : company ? Json(200, _companyInformation)
            : segments.Length == 3 ? List(target.Query)
            : Get(segments[3]);
    }

    private MockResponse Get(string batchId) =>
        _store.TryFind(batchId, out var submission) ? Json(200, submission.Get()) : Error(404);

    private MockResponse List(string query)
    {
        if (!ListPages.TryRead(ListPages.ParseQuery(query), out var page, out var pageSize, out var error))
        {
            return error!;
        }

        var all = _store.All;
        var path = $"/Advertisers/{Uri.EscapeDataString(_accountSid)}/APISubmissions";
        return Json(200, ListPages.Write(path, string.Empty, page, pageSize, all.Count, i => all[i].Get(), _listArray));
    }

    private bool HasValidCredentials(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("Authorization", out var value)
        && AuthenticationHeaderValue.TryParse(value, out var authorization)
        && authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
        && string.Equals(authorization.Parameter, _expectedCredentials, StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, string> ReadHeaders(IRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers is not null)
        {
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        return headers;
    }

    private static IResponseMessage ToWireMock(MockResponse response)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = new WireMockList<string>("application/json; charset=utf-8"),
        };
        foreach (var header in response.Headers)
        {
            headers[header.Key] = new WireMockList<string>(header.Value);
        }

        return new ResponseMessage
        {
            StatusCode = response.StatusCode,
            Headers = headers,
            BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = response.Body },
        };
    }

    private static MockResponse Json(int statusCode, byte[] body) => new(statusCode, body);

    private static MockResponse Error(int statusCode) => new(statusCode, ErrorBodies.For(statusCode));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
