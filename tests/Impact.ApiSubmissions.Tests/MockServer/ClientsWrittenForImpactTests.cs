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
public sealed class ClientsWrittenForImpactTests : IDisposable
{
    private readonly ImpactMockServer _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 3, SubmissionCount = 12 });
    private readonly HttpClient _http;

    public ClientsWrittenForImpactTests() => _http = _server.CreateHttpClient();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
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
        _server.RateLimitAfter(1, TimeSpan.FromSeconds(1), sendRetryAfter: false);
        using (var first = await _http.GetAsync(_server.ListPath().TrimStart('/')))
        using (var refused = await _http.GetAsync(_server.ListPath().TrimStart('/')))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            refused.StatusCode.Should().Be((HttpStatusCode)429);
            refused.Headers.Contains("Retry-After").Should().BeFalse();
            refused.Headers.GetValues("X-RateLimit-Reset").Single().Should().Be("1");
        }

        // The SDK, on its default retry settings, waits by X-RateLimit-Reset and then succeeds.
        using var client = _server.CreateClient();
        var submission = await client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);

        submission.BatchId.Should().Be(_server.Submissions[0].BatchId);
        _server.ReceivedRequests.Select(r => r.StatusCode).Should().ContainInOrder(429, 200);
    }
}
