using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>The README's example, compiled and run; the README shows this region's text verbatim.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public async Task The_README_example_runs()
    {
        #region fake-impact-example
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 42, SubmissionCount = 250 });
        using var fakeClient = server.CreateClient(o => o.Retry.MaxRetries = 0); // the SDK client, aimed at the fake

        // 250 seeded submissions from the last 90 days, paged like impact.com.
        var all = new List<ApiSubmission>();
        await foreach (var s in fakeClient.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 100 }))
        {
            all.Add(s);
        }

        Assert.Equal(250, all.Count);

        // Your own submission...
        server.Add(new ApiSubmissionBuilder()
            .WithBatchId("A-00000000-0000-0000-0000-000000000042")
            .WithErrors("Contract Error", "CONTRACT_NOT_FOUND"));
        var mine = await fakeClient.GetApiSubmissionAsync("A-00000000-0000-0000-0000-000000000042");
        Assert.Equal(ErrorReason.ContractNotFound, mine.ErrorReasons.Single());

        // ...one that is Queued, then In Progress, then Complete as you poll it...
        var pending = server.AddProgressingSubmission();
        var first = await fakeClient.GetApiSubmissionAsync(pending.BatchId!);
        Assert.Equal(SubmissionStatus.Queued, first.Status);

        // ...and the bad days: failures, rate limits, latency, broken bodies.
        server.FailNext(2, HttpStatusCode.ServiceUnavailable);
        var error = await Assert.ThrowsAsync<ImpactApiException>(() => fakeClient.GetApiSubmissionAsync(pending.BatchId!));
        Assert.Equal(503, error.StatusCode);
        #endregion
    }
}
