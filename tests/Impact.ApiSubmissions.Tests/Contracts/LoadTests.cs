using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>Runs alone (no other test class in parallel): it loads both cores, which would skew timing tests elsewhere.</summary>
[CollectionDefinition(nameof(LoadTests), DisableParallelization = true)]
public sealed class LoadTestsCollection
{
}

[Collection(nameof(LoadTests))]
public sealed class LoadTests : IDisposable
{
    private readonly ImpactMockServer _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 230 });
    private readonly ApiSubmissionsClient _client;

    public LoadTests()
    {
        _client = _server.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Load_5000_gets_64_at_a_time_from_one_client_without_a_failure()
    {
        var ids = _server.Submissions.Select(s => s.BatchId!).ToArray();
        var failures = new ConcurrentQueue<Exception>();
        var mismatches = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 5000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, token) =>
        {
            var id = ids[i % ids.Length];
            try
            {
                var s = await _client.GetApiSubmissionAsync(id, token);
                if (s.BatchId != id)
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        });

        failures.Should().BeEmpty();
        mismatches.Should().Be(0);
        _server.RequestCount.Should().Be(5000);
    }
}
