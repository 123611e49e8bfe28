using System;
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
    public async Task Listing_shows_the_stage_reached_without_moving_it_on()
    {
        var final = _server.AddProgressingSubmission();

        var before = await ListedStatus(final.BatchId!);
        await Get(final.BatchId!);
        await Get(final.BatchId!);
        var after = await ListedStatus(final.BatchId!);
        var afterTwice = await ListedStatus(final.BatchId!);

        before.Should().Be("Queued");
        after.Should().Be("In Progress");
        afterTwice.Should().Be("In Progress");
        _server.Submissions.Last().Status.Should().Be(SubmissionStatus.InProgress);
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
