using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>
/// What a client written for the real impact.com (e.g. Singer's tap-impact) needs from the mock: the
/// <c>.json</c> suffix on every path, the account's CompanyInformation, a fixed port, and 429s that carry
/// only <c>X-RateLimit-Reset</c>.
/// </summary>
public sealed class ClientsWrittenForImpactTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public ClientsWrittenForImpactTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 3, SubmissionCount = 12 });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task Every_path_accepts_a_json_suffix_and_answers_as_without_it()
    {
        var batchId = _server.Submissions[4].BatchId!;

        var list = await _http.GetJsonAsync(_server.ListPath(pageSize: 5).Replace("/APISubmissions?", "/APISubmissions.json?", StringComparison.Ordinal));
        var plainList = await _http.GetJsonAsync(_server.ListPath(pageSize: 5));
        var one = await _http.GetJsonAsync(_server.GetPath(batchId) + ".json");

        list.ShouldEqualJson(plainList);
        ((string?)one["BatchId"]).Should().Be(batchId);
    }

    [Theory]
    [InlineData("CompanyInformation")]
    [InlineData("CompanyInformation.json")]
    public async Task The_accounts_company_information_answers_a_minimal_object(string name)
    {
        var company = await _http.GetJsonAsync($"/Advertisers/{_server.AccountSid}/{name}");

        ((string?)company["Id"]).Should().Be("10001");
        ((string?)company["CompanyName"]).Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Company_information_needs_the_credentials_and_the_accounts_own_sid()
    {
        using var anonymous = new HttpClient();
        using var unauthorized = await anonymous.GetAsync($"{_server.BaseUrl}/Advertisers/{_server.AccountSid}/CompanyInformation.json");
        using var otherAccount = await _http.GetAsync($"Advertisers/IRsomeoneElse/CompanyInformation.json");

        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        otherAccount.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_json_suffix_on_an_unknown_path_is_still_404()
    {
        using var response = await _http.GetAsync($"Advertisers/{_server.AccountSid}/Actions.json");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Starts_on_the_port_it_is_given()
    {
        // A port that was free a moment ago; if another process takes it first, Start fails rather than moving.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        using var fixedPort = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1, Port = port });
        using var http = fixedPort.CreateHttpClient();

        fixedPort.BaseUrl.Should().Be($"http://127.0.0.1:{port}");
        using var response = await http.GetAsync(fixedPort.ListPath().TrimStart('/'));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rate_limit_without_retry_after_sends_only_the_reset_and_the_sdk_waits_for_it()
    {
        // One clock for the mock's window and the SDK's waits, moved by hand: the wait is read from the timer the SDK set.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 3, SubmissionCount = 2, TimeProvider = clock });
        using var http = server.CreateHttpClient();
        server.RateLimitAfter(1, TimeSpan.FromSeconds(7), sendRetryAfter: false);
        using (var first = await http.GetAsync(server.ListPath().TrimStart('/')))
        using (var refused = await http.GetAsync(server.ListPath().TrimStart('/')))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            refused.StatusCode.Should().Be((HttpStatusCode)429);
            refused.Headers.Contains("Retry-After").Should().BeFalse();
            refused.Headers.GetValues("X-RateLimit-Reset").Single().Should().Be("7");
        }

        // Default retry settings, but for the clock and no timeouts (whose timers would mix with the wait's).
        using var client = server.CreateClient(o =>
        {
            o.Retry.TimeProvider = clock;
            o.Retry.AttemptTimeout = null;
            o.Retry.OverallTimeout = null;
        });
        var reading = client.GetApiSubmissionAsync(server.Submissions[0].BatchId!);
        await clock.WaitForTimersAsync(1);

        clock.Scheduled.Should().Equal(new[] { TimeSpan.FromSeconds(7) }, "the SDK waits exactly what X-RateLimit-Reset said, not its backoff");
        clock.Advance(TimeSpan.FromSeconds(6.9));
        reading.IsCompleted.Should().BeFalse("the window has not reset yet");
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var submission = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        submission.BatchId.Should().Be(server.Submissions[0].BatchId);
        server.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(200, 429, 429, 200);
    }
}
