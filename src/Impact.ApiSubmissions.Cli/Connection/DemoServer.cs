using System;
using Impact.ApiSubmissions.Testing;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>
/// What <c>--demo</c> runs against: the Testing package's mock impact.com, in this process and on
/// loopback only, with 300 generated submissions from the last 90 days, rate-limit headers, a little
/// latency so the progress display has something to show, and two hand-made submissions: one that
/// failed, for <c>get --demo</c>, and one that progresses as it is polled, for <c>wait --demo</c>.
/// </summary>
internal sealed class DemoServer : IDisposable
{
    /// <summary>The failed submission <c>get --demo</c> shows when no BatchId is given.</summary>
    public const string FailedBatchId = "A-d3m0fa11-5e0d-4c0n-7r4c-7n0tf0und001";

    /// <summary>The submission <c>wait --demo</c> follows when no BatchId is given.</summary>
    public const string ProgressingBatchId = "A-d3m0wa17-1n9q-4u3u-3d00-1npr09r3ss01";

    /// <summary>How many generated submissions the demo account holds; the two hand-made ones come on top (302 in all).</summary>
    public const int GeneratedCount = 300;

    // impact.com's own example payload (a click id encoded twice), with a real IPv4 address.
    private const string ReferencePayload =
        "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1234567890123"
        + "&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0&CustomerId=BCZ2WVSH674563PDPYOTM3AXDQ"
        + "&OrderPromoCode=10OFF-FORGE&CustomerStatus=NEW&CustomerPostCode=93107&CurrencyCode=USD&OrderDiscount=5"
        + "&IpAddress=12.34.56.78&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=2&ItemPrice1=10"
        + "&ItemSku2=55555&ItemName2=Hammer&ItemCategory2=Hammers&ItemQuantity2=1&ItemPrice2=6.99";

    private DemoServer(ImpactMockServer server) => Server = server;

    public ImpactMockServer Server { get; }

    public static DemoServer Start(TimeProvider clock)
    {
        var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 2024, SubmissionCount = GeneratedCount, Now = clock.GetUtcNow() });
        try
        {
            // impact.com's default quota, so every answer carries X-RateLimit-* headers.
            server.RateLimitAfter(1000, TimeSpan.FromHours(1));
            server.SetLatency(TimeSpan.FromMilliseconds(60));
            var now = AccountTime(clock.GetUtcNow());
            server.Add(new ApiSubmissionBuilder()
                .WithBatchId(FailedBatchId)
                .WithSubmissionDate(now.AddMinutes(-42))
                .WithCompletionDate(now.AddMinutes(-38))
                .WithCampaignId(1000)
                .WithActionTrackerId(4000)
                .WithMediaPartnerId(null)
                .WithEventCode("ACME_SALE")
                .WithOrderId("1234567890123")
                .WithPayload(ReferencePayload)
                .WithErrors("Contract Error", "CONTRACT_NOT_FOUND", "RESTRICTED_PROMOCODE"));
            server.AddProgressingSubmission(
                new ApiSubmissionBuilder().WithBatchId(ProgressingBatchId).WithSubmissionDate(now.AddSeconds(-5)).WithCompletionDate(now),
                getsPerStatus: 1);
            return new DemoServer(server);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose() => Server.Dispose();

    // The generated submissions are a US Pacific account's: the hand-made ones match them.
    private static DateTimeOffset AccountTime(DateTimeOffset instant) =>
        TimeZoneInfo.TryFindSystemTimeZoneById("America/Los_Angeles", out var pacific)
            ? TimeZoneInfo.ConvertTime(instant, pacific)
            : instant.ToOffset(TimeSpan.FromHours(-8));
}
