using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Impact.ApiSubmissions.Benchmarks;

/// <summary>
/// A process's first prefetching listing against later ones: 20 pages of 1,000, MaxConcurrency 4, 200 ms of
/// server latency per page. The cold-start job runs each listing in a fresh process (its only one, no warm-up);
/// the baseline job lists again and again in one process. A page parsed synchronously from the network stream
/// held a thread-pool thread per page in flight, so the first listing waited for the pool to grow. The mock server runs in
/// a process of its own (<see cref="MockProcess"/>): the measured process holds the SDK's work only.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 6, invocationCount: 1, id: "Later listings", baseline: true)]
[SimpleJob(RunStrategy.ColdStart, launchCount: 6, warmupCount: 0, iterationCount: 1, invocationCount: 1, id: "First listing in a process")]
public class FirstListingBenchmarks
{
    private MockProcess _server = null!;
    private ApiSubmissionsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = MockProcess.Start(count: 20_000, seed: 1, latency: TimeSpan.FromMilliseconds(200));

        try
        {
            // Warm the mock (every page of the listing, four at once as the listing sends them, twice) over plain
            // sockets, so that the cold-start job measures the SDK's first listing, not the mock's.
            _server.Warm(pages: 20, parallel: 4, pageSize: 1000, passes: 2);

            // Let the mock's background work after warming (tiered JIT, collections) end before anything is measured.
            Thread.Sleep(TimeSpan.FromSeconds(2));
        }
        catch
        {
            _server.Dispose();
            throw;
        }

        _client = new ApiSubmissionsClient(
            new ImpactCredentials(_server.AccountSid, _server.AuthToken),
            new ApiSubmissionsClientOptions { BaseAddress = _server.BaseAddress });
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
