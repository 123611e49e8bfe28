using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Submitting;

/// <summary>ResubmitAsync, and the whole loop on the mock: list, find a failed conversion, fix, resubmit, wait.</summary>
public sealed class ResubmitTests : IClassFixture<SharedMockServer>, IDisposable
{
    // Program 1999 does not exist: impact.com fails the conversion with CAMPAIGN_NOT_FOUND. 4100 is program 1001's event type.
    private const string WrongCampaign =
        "CampaignId=1999&EventTypeId=4100&EventDate=2024-08-01T23:55:24-08:00&OrderId=7100000000001"
        + "&ClickId=eu-click-1&CurrencyCode=EUR&ItemSku1=12345&ItemQuantity1=1&ItemPrice1=19.90";

    private static readonly WaitOptions<ApiSubmission> Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly ImpactMockServer _server;
    private readonly ApiSubmissionsClient _client;

    public ResubmitTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { SubmissionCount = 40 });
        _server.Conversions.AddReferral("ClickId", "eu-click-1", mediaPartnerId: 10042);
        _client = _server.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
    }

    [Fact]
    public async Task List_find_a_failed_conversion_fix_it_resubmit_and_wait_completes_without_errors()
    {
        var failed = await _client.SubmitConversionAsync(SubmissionPayload.Parse(WrongCampaign));
        (await _client.WaitForCompletionAsync(failed.BatchId!, Fast)).ErrorReasons.Should().Equal(ErrorReason.CampaignNotFound);

        // What a user does: list, pick the failures of one reason, fix each and send it again.
        ApiSubmission? found = null;
        await foreach (var submission in _client.GetApiSubmissionsAsync())
        {
            if (submission.Type == SubmissionType.Conversion && submission.ErrorReasons.Contains(ErrorReason.CampaignNotFound) && submission.OrderId == "7100000000001")
            {
                found = submission;
            }
        }

        found.Should().NotBeNull();
        var queued = await _client.ResubmitAsync(found!, p => p.CampaignId = 1001);
        var done = await _client.WaitForCompletionAsync(queued.BatchId!, Fast);

        queued.BatchId.Should().NotBe(found!.BatchId);
        done.IsComplete.Should().BeTrue();
        done.HasErrors.Should().BeFalse();
        (done.CampaignId, done.MediaPartnerId).Should().Be((1001L, 10042L));
        _server.Submissions.Single(s => s.BatchId == queued.BatchId).Payload.Should().Be(WrongCampaign.Replace("CampaignId=1999", "CampaignId=1001"), "only the edited key changed");
    }

    [Fact]
    public async Task An_edit_that_breaks_the_payload_is_refused_before_anything_is_sent()
    {
        var submission = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-1", type: SubmissionType.Conversion, payload: WrongCampaign);
        int before = _server.ReceivedRequests.Count;

        var act = () => _client.ResubmitAsync(submission, p =>
        {
            p.Remove("EventTypeId");
            p.Set("ItemSubTotal1", "19.90");
        });

        var thrown = (await act.Should().ThrowAsync<PayloadValidationException>()).Which;
        thrown.Problems.Select(p => p.Kind).Should().Equal(PayloadProblemKind.MissingOneOf, PayloadProblemKind.ConflictingKeys);
        _server.ReceivedRequests.Should().HaveCount(before);
    }

    [Fact]
    public async Task Only_a_conversion_with_a_payload_can_be_resubmitted()
    {
        var reversal = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-2", type: SubmissionType.Reversal, payload: "CampaignId=1000&ActionId=1&Reason=FRAUD");
        var empty = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-3", type: SubmissionType.Conversion, payload: null);

        await ((Func<Task>)(() => _client.ResubmitAsync(reversal, _ => { }))).Should().ThrowAsync<ArgumentException>().WithMessage("*Reversal, not a conversion*");
        await ((Func<Task>)(() => _client.ResubmitAsync(empty, _ => { }))).Should().ThrowAsync<ArgumentException>().WithMessage("*no payload*");
        _server.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public void ForResubmission_is_the_same_rule_and_gives_a_payload_to_edit_apart_from_the_submission()
    {
        var reversal = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-2", type: SubmissionType.Reversal, payload: "CampaignId=1000&ActionId=1&Reason=FRAUD");
        var empty = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-3", type: SubmissionType.Conversion, payload: string.Empty);
        var failed = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-4", type: SubmissionType.Conversion, payload: WrongCampaign);

        ((Action)(() => SubmissionPayload.ForResubmission(reversal))).Should().Throw<ArgumentException>().WithMessage("*Reversal, not a conversion*").Which.ParamName.Should().Be("submission");
        ((Action)(() => SubmissionPayload.ForResubmission(empty))).Should().Throw<ArgumentException>().WithMessage("*no payload*");
        ((Action)(() => SubmissionPayload.ForResubmission(null!))).Should().Throw<ArgumentNullException>();
        var payload = SubmissionPayload.ForResubmission(failed);
        payload.Set("CampaignId", 1001);

        payload.ToString().Should().Be(WrongCampaign.Replace("CampaignId=1999", "CampaignId=1001", StringComparison.Ordinal));
        failed.Payload.Should().Be(WrongCampaign, "the submission is left as it is");
        payload.Validate().Should().BeEmpty();
    }
}
