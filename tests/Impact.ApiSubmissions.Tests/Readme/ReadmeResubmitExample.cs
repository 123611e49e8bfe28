using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Readme;

/// <summary>The README's "Fixing and resubmitting failed conversions" example, run against the mock server.</summary>
public sealed class ReadmeResubmitExample : IDisposable
{
    private readonly ImpactMockServer _server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0 });
    private readonly ApiSubmissionsClient client;
    private readonly CancellationToken cancellationToken = CancellationToken.None;

    public ReadmeResubmitExample()
    {
        client = _server.CreateClient();
    }

    public void Dispose()
    {
        client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Fix_and_resubmit()
    {
        // Two program-1001 sales sent to CampaignId 1999, which does not exist; the second also lacks its OrderId.
        const string sale = "CampaignId=1999&EventTypeId=4100&EventDate=2024-08-01T23:55:24-08:00&ClickId=readme-click&CurrencyCode=EUR&ItemSku1=1&ItemQuantity1=1&ItemPrice1=9.90";
        _server.Conversions.AddReferral("ClickId", "readme-click", mediaPartnerId: 10042);
        var fixable = _server.Add(new ApiSubmissionBuilder().WithCampaignId(1999).WithPayload(sale + "&OrderId=42").WithErrors("Validation", "CAMPAIGN_NOT_FOUND"));
        var broken = _server.Add(new ApiSubmissionBuilder().WithCampaignId(1999).WithPayload(sale).WithErrors("Validation", "CAMPAIGN_NOT_FOUND"));
        var lines = new List<string>();
        void WriteLine(string line) => lines.Add(line);

        #region readme-resubmit
        var resent = new List<ConversionQueued>();
        await foreach (ApiSubmission failed in client.GetApiSubmissionsAsync(cancellationToken: cancellationToken))
        {
            if (failed.Type != SubmissionType.Conversion || !failed.ErrorReasons.Contains(ErrorReason.CampaignNotFound))
            {
                continue;
            }

            try
            {
                // Decodes the payload, applies the edit, checks it, then sends it; nothing is sent when a check fails.
                ConversionQueued queued = await client.ResubmitAsync(failed, payload => payload.CampaignId = 1001, cancellationToken);
                WriteLine($"{failed.BatchId} sent again as {queued.BatchId}");
                resent.Add(queued);
            }
            catch (PayloadValidationException e)
            {
                WriteLine($"{failed.BatchId} not sent: {string.Join(" ", e.Problems.Select(p => p.Message))}");
            }
        }
        #endregion

        lines.Should().Equal(
            $"{fixable.BatchId} sent again as {resent.Single().BatchId}",
            $"{broken.BatchId} not sent: OrderId is required on a conversion and is missing.");
        var fast = new WaitOptions<ApiSubmission> { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20) };
        var done = await client.WaitForCompletionAsync(resent.Single().BatchId!, fast, cancellationToken);
        (done.IsComplete, done.HasErrors, done.CampaignId).Should().Be((true, false, 1001L));
    }
}
