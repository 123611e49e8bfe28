using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class RequestLogAndResetTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public RequestLogAndResetTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { SubmissionCount = 10 });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task Received_requests_record_path_headers_and_the_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.ListPath(page: 1, pageSize: 5).TrimStart('/'));
        request.Headers.Add("IR-Version", "14");
        using (await _http.SendAsync(request))
        {
        }

        using (await _http.GetAsync(_server.GetPath("missing").TrimStart('/')))
        {
        }

        _server.RequestCount.Should().Be(2);
        var received = _server.ReceivedRequests;
        received.Select(r => r.ToString()).Should().Equal(
            $"GET /Advertisers/{_server.AccountSid}/APISubmissions?Page=1&PageSize=5 -> 200",
            $"GET /Advertisers/{_server.AccountSid}/APISubmissions/missing -> 404");
        received[0].Headers["ir-version"].Should().Be("14");
        received[0].Headers["Accept"].Should().Be("application/json");
        received[0].ReceivedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Reset_switches_every_scenario_off_and_forgets_added_submissions_and_requests()
    {
        var added = _server.Add(new ApiSubmissionBuilder());
        _server.AddProgressingSubmission();
        _server.RateLimitAfter(0, TimeSpan.FromHours(1));
        _server.FailNext(5);
        _server.ServeTruncatedBodies();
        _server.UseScopedTokenMode();
        _server.SetLatency(TimeSpan.FromSeconds(5));
        using (await _http.GetAsync(_server.ListPath().TrimStart('/')))
        {
        }

        _server.Reset();

        _server.RequestCount.Should().Be(0);
        _server.ReceivedRequests.Should().BeEmpty();
        _server.Submissions.Should().HaveCount(10);
        using var response = await _http.GetAsync(_server.ListPath().TrimStart('/'));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("X-RateLimit-Limit").Should().BeFalse();
        var page = MockHttp.Parse(await response.Content.ReadAsStringAsync());
        ((string)page["@total"]!).Should().Be("10");
        using var gone = await _http.GetAsync(_server.GetPath(added.BatchId!).TrimStart('/'));
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _server.Add(new ApiSubmissionBuilder().WithBatchId(added.BatchId!)).BatchId.Should().Be(added.BatchId);
    }

    [Fact]
    public async Task A_request_still_held_by_latency_at_Reset_neither_shows_in_the_log_nor_uses_what_comes_after()
    {
        // A test sharing the server must not see the late answer to a request the test before it gave up on.
        _server.SetLatency(TimeSpan.FromMilliseconds(300));
        var late = _http.GetAsync(_server.ListPath().TrimStart('/'));
        SpinWait.SpinUntil(() => _server.RequestCount == 1, TimeSpan.FromSeconds(10)).Should().BeTrue();

        _server.Reset();
        _server.FailNext(1, HttpStatusCode.BadGateway);
        using (await late)
        {
        }

        _server.ReceivedRequests.Should().BeEmpty();
        _server.RequestCount.Should().Be(0);
        using var next = await _http.GetAsync(_server.ListPath().TrimStart('/'));
        next.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        _server.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(502);
    }
}
