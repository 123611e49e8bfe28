using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Impact.ApiSubmissions.Testing;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// A process's first prefetching listing against later ones: 20 pages of 1,000, MaxConcurrency 4, 200 ms of
/// server latency per page. The cold-start job runs each listing in a fresh process (its only one, no warm-up);
/// the baseline job lists again and again in one process. A page parsed synchronously from the network stream
/// held a thread-pool thread per page in flight, so the first listing waited for the pool to grow.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 6, invocationCount: 1, id: "Later listings", baseline: true)]
[SimpleJob(RunStrategy.ColdStart, launchCount: 6, warmupCount: 0, iterationCount: 1, invocationCount: 1, id: "First listing in a process")]
public class FirstListingBenchmarks
{
    private ImpactMockServer _server = null!;
    private ApiSubmissionsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 1, SubmissionCount = 20_000 });
        _client = _server.CreateClient();

        // The mock server shares the process: warm its own first requests (four at once, as the listing sends
        // them) with a plain HttpClient, so that the cold-start job measures the SDK's first listing, not WireMock's.
        using (var http = _server.CreateHttpClient())
        {
            Task.WaitAll(Enumerable.Range(1, 4).Select(page => http.GetStringAsync($"Advertisers/{_server.AccountSid}/APISubmissions?Page={page}&PageSize=1000")).ToArray());
        }

        _server.SetLatency(TimeSpan.FromMilliseconds(200));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Benchmark(Description = "List 20 pages, MaxConcurrency 4, 200 ms latency")]
    public async Task<int> ListTwentyPages()
    {
        var count = 0;
        await foreach (var _ in _client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 1000, MaxConcurrency = 4 }))
        {
            count++;
        }

        return count;
    }
}
