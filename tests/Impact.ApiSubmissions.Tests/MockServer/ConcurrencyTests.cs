using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class ConcurrencyTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public ConcurrencyTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 9, SubmissionCount = 500 });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task Five_thousand_gets_64_at_a_time_meet_the_rate_limit_exactly()
    {
        _server.RateLimitAfter(1000, TimeSpan.FromHours(1));
        var ids = _server.Submissions.Select(s => s.BatchId!).ToArray();

        var statuses = await SendAll(5000, i => _server.GetPath(ids[i % ids.Length]));

        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(1000);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).Should().Be(4000);
        _server.RequestCount.Should().Be(5000);
    }

    [Fact]
    public async Task A_burst_of_failures_hits_exactly_that_many_concurrent_requests()
    {
        _server.FailNext(100, HttpStatusCode.BadGateway);

        var statuses = await SendAll(1000, i => _server.ListPath(page: 1 + i % 5, pageSize: 100));

        statuses.Count(s => s == HttpStatusCode.BadGateway).Should().Be(100);
        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(900);
    }

    private async Task<HttpStatusCode[]> SendAll(int count, Func<int, string> path)
    {
        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            using var response = await _http.GetAsync(path(i).TrimStart('/'), ct);
            statuses.Add(response.StatusCode);
        });
        return statuses.ToArray();
    }
}
