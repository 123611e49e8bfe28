using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class RateLimitTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public RateLimitTests()
    {
        _server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 5, TimeProvider = _clock });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Without_a_limit_no_rate_limit_headers_are_sent()
    {
        var answer = await Get();

        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.Limit.Should().BeNull();
    }

    [Fact]
    public async Task After_K_requests_the_server_answers_429_with_rate_limit_headers()
    {
        _server.RateLimitAfter(3, TimeSpan.FromHours(1));

        var answers = new[] { await Get(), await Get(), await Get(), await Get() };

        answers.Select(a => a.Status).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        answers.Select(a => a.Limit).Should().OnlyContain(limit => limit == "3");
        answers.Select(a => a.Remaining).Should().Equal("2", "1", "0", "0");
        answers.Select(a => a.Reset).Should().OnlyContain(reset => reset == "3600");
        answers[3].RetryAfter.Should().Be("3600");
        answers[3].Body.ShouldEqualJson("""{"Status":"ERROR","Message":"Rate limit exceeded"}""");
    }

    [Fact]
    public async Task Reset_counts_down_and_a_new_window_allows_requests_again()
    {
        _server.RateLimitAfter(1, TimeSpan.FromSeconds(90));
        (await Get()).Status.Should().Be(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var limited = await Get();
        _clock.Advance(TimeSpan.FromSeconds(60));
        var again = await Get();

        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Reset.Should().Be("60");
        again.Status.Should().Be(HttpStatusCode.OK);
        again.Remaining.Should().Be("0");
        again.Reset.Should().Be("90");
    }

    [Fact]
    public async Task A_limit_of_zero_rejects_every_request()
    {
        _server.RateLimitAfter(0, TimeSpan.FromMinutes(1));

        (await Get()).Status.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Requests_with_wrong_credentials_do_not_use_the_quota()
    {
        _server.RateLimitAfter(1, TimeSpan.FromHours(1));
        using var anonymous = new HttpClient();

        using var unauthorized = await anonymous.GetAsync(_server.BaseUrl + _server.ListPath());
        var answer = await Get();

        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unauthorized.Headers.Contains("X-RateLimit-Remaining").Should().BeFalse();
        answer.Status.Should().Be(HttpStatusCode.OK);
    }

    private async Task<(HttpStatusCode Status, string? Limit, string? Remaining, string? Reset, string? RetryAfter, Newtonsoft.Json.Linq.JToken Body)> Get()
    {
        using var response = await _http.GetAsync(_server.ListPath().TrimStart('/'));
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
        return (response.StatusCode, Header("X-RateLimit-Limit"), Header("X-RateLimit-Remaining"), Header("X-RateLimit-Reset"),
            Header("Retry-After"), MockHttp.ParseToken(await response.Content.ReadAsStringAsync()));
    }
}
