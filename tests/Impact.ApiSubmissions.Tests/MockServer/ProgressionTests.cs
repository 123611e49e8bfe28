using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class ProgressionTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public ProgressionTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { SubmissionCount = 2 });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task A_progressing_submission_moves_from_Queued_through_In_Progress_to_Complete()
    {
        var final = _server.AddProgressingSubmission();

        var states = new[] { await Get(final.BatchId!), await Get(final.BatchId!), await Get(final.BatchId!), await Get(final.BatchId!) };

        states.Select(s => s.Status).Should().Equal("Queued", "In Progress", "Complete", "Complete");
        states.Select(s => s.CompletionDate).Should().Equal("", "", final.CompletionDate!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), states[2].CompletionDate);
        final.Status.Should().Be(SubmissionStatus.Complete);
    }

    [Fact]
    public async Task Each_status_can_last_several_gets_and_the_final_state_can_carry_errors()
    {
        var final = _server.AddProgressingSubmission(
            new ApiSubmissionBuilder().WithBatchId("A-progress-0000-0000-0000-000000000001").WithErrors("Contract Error", "CONTRACT_NOT_FOUND"),
            getsPerStatus: 2);

        var states = new[] { await Get(final.BatchId!), await Get(final.BatchId!), await Get(final.BatchId!), await Get(final.BatchId!), await Get(final.BatchId!) };

        states.Select(s => s.Status).Should().Equal("Queued", "Queued", "In Progress", "In Progress", "Complete");
        states.Select(s => s.ErrorReason).Should().Equal("", "", "", "", "CONTRACT_NOT_FOUND");
    }

    [Fact]
    public async Task A_list_page_that_shows_it_moves_it_on_as_a_get_does()
    {
        var final = _server.AddProgressingSubmission(getsPerStatus: 2);

        // Each read counts, whether a get or a page that shows it: reads 1-2 Queued, 3-4 In Progress, then complete.
        var seen = new List<string>
        {
            await ListedStatus(final.BatchId!),
            (await Get(final.BatchId!)).Status,
            await ListedStatus(final.BatchId!),
            await ListedStatus(final.BatchId!),
            (await Get(final.BatchId!)).Status,
        };

        seen.Should().Equal("Queued", "Queued", "In Progress", "In Progress", "Complete");
        _server.Submissions.Last().Status.Should().Be(SubmissionStatus.Complete);
    }

    [Fact]
    public async Task A_list_page_that_does_not_show_it_leaves_it_where_it_is()
    {
        var final = _server.AddProgressingSubmission();
        var position = _server.Submissions.Select(s => s.BatchId).ToList().IndexOf(final.BatchId);
        position.Should().BeGreaterThan(0, "the test needs pages of one before the one that shows it");

        for (var page = 1; page <= position; page++)
        {
            var json = await _http.GetJsonAsync(_server.ListPath(page: page, pageSize: 1));
            ((string)json["APISubmission"]!.Single()["BatchId"]!).Should().NotBe(final.BatchId);
        }

        (await Get(final.BatchId!)).Status.Should().Be("Queued", "no page read so far showed it, so this get is its first read");
    }

    private async Task<(string Status, string CompletionDate, string ErrorReason)> Get(string batchId)
    {
        var json = await _http.GetJsonAsync(_server.GetPath(batchId));
        return ((string)json["Status"]!, (string)json["CompletionDate"]!, (string)json["ErrorReason"]!);
    }

    private async Task<string> ListedStatus(string batchId)
    {
        var page = await _http.GetJsonAsync(_server.ListPath());
        return (string)page["APISubmission"]!.Single(s => (string)s["BatchId"]! == batchId)["Status"]!;
    }
}
