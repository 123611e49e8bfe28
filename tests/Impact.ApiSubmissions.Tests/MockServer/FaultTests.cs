using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class FaultTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public FaultTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { SubmissionCount = 20 });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "Internal server error")]
    [InlineData(HttpStatusCode.BadGateway, "Bad gateway")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Service unavailable")]
    [InlineData(HttpStatusCode.GatewayTimeout, "Gateway timeout")]
    public async Task A_burst_of_failures_ends_and_the_server_recovers(HttpStatusCode status, string message)
    {
        _server.FailNext(2, status);

        var first = await Get();
        var second = await Get();
        var third = await Get();

        first.Status.Should().Be(status);
        second.Status.Should().Be(status);
        first.Body.Should().Be($"{{\"Status\":\"ERROR\",\"Message\":\"{message}\"}}");
        third.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Failures_default_to_503_and_hit_even_requests_without_credentials()
    {
        _server.FailNext(1);
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(_server.BaseUrl + _server.ListPath());

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        _server.SetLatency(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var answer = await Get();

        answer.Status.Should().Be(HttpStatusCode.OK);
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task Malformed_bodies_are_not_json_but_still_labelled_json()
    {
        _server.ServeMalformedBodies(1);

        var spoiled = await Get();
        var next = await Get();

        spoiled.Status.Should().Be(HttpStatusCode.OK);
        spoiled.ContentType.Should().Be("application/json");
        FluentActions.Invoking(() => MockHttp.ParseToken(spoiled.Body)).Should().Throw<JsonReaderException>();
        MockHttp.ParseToken(next.Body).Should().NotBeNull();
    }

    [Fact]
    public async Task Truncated_bodies_stop_halfway_through_the_real_json()
    {
        var whole = await Get();
        _server.ServeTruncatedBodies();

        var first = await Get();
        var second = await Get();

        first.Status.Should().Be(HttpStatusCode.OK);
        first.Body.Length.Should().Be(whole.Body.Length / 2);
        whole.Body.Should().StartWith(first.Body);
        second.Body.Should().Be(first.Body, "the switch stays on until Reset");
        FluentActions.Invoking(() => MockHttp.ParseToken(first.Body)).Should().Throw<JsonException>();
    }

    [Fact]
    public async Task Spoiled_bodies_leave_error_answers_alone()
    {
        _server.ServeMalformedBodies();

        using var response = await _http.GetAsync(_server.GetPath("unknown").TrimStart('/'));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        MockHttp.ParseToken(await response.Content.ReadAsStringAsync()).ShouldEqualJson("""{"Status":"ERROR","Message":"Resource not found"}""");
    }

    private async Task<(HttpStatusCode Status, string Body, string? ContentType)> Get()
    {
        using var response = await _http.GetAsync(_server.ListPath().TrimStart('/'));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
