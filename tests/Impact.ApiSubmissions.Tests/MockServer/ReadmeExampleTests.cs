using System;
using System.IO;
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
    private const string Snippet = "fake-impact-example";

    [Fact]
    public async Task The_README_example_runs()
    {
        #region fake-impact-example
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 42, SubmissionCount = 250 });
        using var http = server.CreateHttpClient(); // Basic credentials, Accept: application/json
        var client = new ApiSubmissionsClient(http) { BaseUrl = server.BaseUrl };

        // 250 seeded submissions from the last 90 days, paged like impact.com.
        var page = await client.ListApiSubmissionsAsync(server.AccountSid, page: 1, pageSize: 100);
        Assert.Equal("3", page.Numpages);

        // Your own submission...
        server.Add(new ApiSubmissionBuilder()
            .WithBatchId("A-00000000-0000-0000-0000-000000000042")
            .WithErrors("Contract Error", "CONTRACT_NOT_FOUND"));
        var mine = await client.GetApiSubmissionAsync(server.AccountSid, "A-00000000-0000-0000-0000-000000000042");
        Assert.Equal("CONTRACT_NOT_FOUND", mine.ErrorReason);

        // ...one that is Queued, then In Progress, then Complete as you poll it...
        var pending = server.AddProgressingSubmission();
        var first = await client.GetApiSubmissionAsync(server.AccountSid, pending.BatchId!);
        Assert.Equal(SubmissionStatus.Queued, first.Status);

        // ...and the bad days: failures, rate limits, latency, broken bodies.
        server.FailNext(2, HttpStatusCode.ServiceUnavailable);
        var error = await Assert.ThrowsAnyAsync<ImpactApiException>(() => client.ListApiSubmissionsAsync(server.AccountSid));
        Assert.Equal(503, error.StatusCode);
        #endregion
    }

    [Fact]
    public void The_README_shows_the_example_exactly()
    {
        var readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var marker = Array.FindIndex(readme, line => line.Contains($"snippet: {Snippet}", StringComparison.Ordinal));
        marker.Should().BeGreaterThanOrEqualTo(0, "the README marks the example with <!-- snippet: {0} -->", Snippet);
        var start = Array.FindIndex(readme, marker, line => line.StartsWith("```csharp", StringComparison.Ordinal)) + 1;
        var end = Array.FindIndex(readme, start, line => line.StartsWith("```", StringComparison.Ordinal));

        var source = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "MockServer", "ReadmeExampleTests.cs"));
        var regionStart = Array.FindIndex(source, line => line.Trim() == $"#region {Snippet}") + 1;
        var regionEnd = Array.FindIndex(source, regionStart, line => line.Trim() == "#endregion");
        var region = source[regionStart..regionEnd];
        var indent = region.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);

        readme[start..end].Should().Equal(region.Select(line => line.Length >= indent ? line.Substring(indent) : line.TrimStart()));
    }
}
