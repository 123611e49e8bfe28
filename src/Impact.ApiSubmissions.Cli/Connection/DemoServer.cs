using Impact.ApiSubmissions.Testing;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>
/// What <c>--demo</c> runs against: the Testing package's mock impact.com, in this process and on
/// loopback only, with 300 generated submissions from the last 90 days, rate-limit headers, a little
/// latency so the progress display has something to show, and hand-made submissions: one that
/// failed, for <c>get --demo</c>; one that progresses as it is polled, for <c>wait --demo</c>; and three
/// conversions sent with a mistyped CampaignId (1099 for 1001), failed with CAMPAIGN_NOT_FOUND, that
/// <c>resubmit --demo --set CampaignId=1001</c> fixes (their clicks are referrals the mock knows).
/// </summary>
internal sealed class DemoServer : IDisposable
{
    /// <summary>The failed submission <c>get --demo</c> shows when no BatchId is given.</summary>
    public const string FailedBatchId = "A-d3m0fa11-5e0d-4c0n-7r4c-7n0tf0und001";

    /// <summary>The submission <c>wait --demo</c> follows when no BatchId is given.</summary>
    public const string ProgressingBatchId = "A-d3m0wa17-1n9q-4u3u-3d00-1npr09r3ss01";

    /// <summary>The FTP file with failed lines <c>ftp get --demo</c> and <c>ftp errors --demo</c> show when no BatchId is given.</summary>
    public const string FailedFtpBatchId = "F-d3m0f11e-5e0d-4f7p-e44r-0r5demo00001";

    /// <summary>The FTP file <c>ftp wait --demo</c> follows when no BatchId is given.</summary>
    public const string ProgressingFtpBatchId = "F-d3m0f11e-1n9q-4u3u-3d00-1npr09r3ss01";

    /// <summary>How many FTP files the generator makes for the demo account, over the last 90 days; the two hand-made ones come on top.</summary>
    public const int GeneratedFtpCount = 40;

    /// <summary>How many generated submissions the demo account holds; the five hand-made ones come on top (305 in all).</summary>
    public const int GeneratedCount = 300;

    /// <summary>The first of the conversions that failed with CAMPAIGN_NOT_FOUND; <c>resubmit --demo</c> takes it when no BatchId is given.</summary>
    public const string CampaignNotFoundBatchId = "A-d3m0ca4p-0n07-4f0u-nd00-m1s7yp3d1099";

    /// <summary>The CampaignId those conversions were sent with by mistake, and the program they belong to.</summary>
    public const long MistypedCampaignId = 1099, IntendedCampaignId = 1001;

    /// <summary>A conversion <c>submit --demo</c> sends when no payload is given: valid, and credited to a partner.</summary>
    public const string SampleConversion =
        "CampaignId=1001&EventTypeId=4100&EventDate=2024-08-01T23:55:24-08:00&OrderId=8800000000001"
        + "&ClickId=demo-click-sample&CurrencyCode=EUR&ItemSku1=12345&ItemName1=Anvil&ItemQuantity1=1&ItemPrice1=19.90";

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
        var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 2024, SubmissionCount = GeneratedCount, FtpFileSubmissionCount = GeneratedFtpCount, Now = clock.GetUtcNow() });
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
            AddMistypedCampaignConversions(server, now);
            server.Conversions.AddReferral("ClickId", "demo-click-sample", mediaPartnerId: 10042);
            server.AddProgressingSubmission(
                new ApiSubmissionBuilder().WithBatchId(ProgressingBatchId).WithSubmissionDate(now.AddSeconds(-5)).WithCompletionDate(now),
                getsPerStatus: 1);
            AddFtpFiles(server, now);
            return new DemoServer(server);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose() => Server.Dispose();

    // Program 1001's sales sent to CampaignId 1099, which does not exist: impact.com fails them with CAMPAIGN_NOT_FOUND.
    private static void AddMistypedCampaignConversions(ImpactMockServer server, DateTimeOffset now)
    {
        for (var i = 1; i <= 3; i++)
        {
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var orderId = "88000000001" + n.PadLeft(2, '0');
            var clickId = "demo-click-eu-" + n;
            server.Conversions.AddReferral("ClickId", clickId, mediaPartnerId: 10099);
            server.Add(new ApiSubmissionBuilder()
                .WithBatchId(i == 1 ? CampaignNotFoundBatchId : CampaignNotFoundBatchId[..^1] + n)
                .WithSubmissionDate(now.AddMinutes(-30 + i))
                .WithCompletionDate(now.AddMinutes(-29 + i))
                .WithCampaignId(MistypedCampaignId)
                .WithActionTrackerId(null)
                .WithMediaPartnerId(null)
                .WithEventCode("ACME_EU_SALE")
                .WithOrderId(orderId)
                .WithPayload($"CampaignId={MistypedCampaignId}&EventTypeCode=ACME_EU_SALE&EventDate=2024-08-0{n}T10:15:00%2B02:00&OrderId={orderId}"
                    + $"&ClickId={clickId}&CurrencyCode=EUR&ItemSku1=4242{n}&ItemName1=Anvil+EU&ItemQuantity1={n}&ItemPrice1=19.90")
                .WithErrors("Validation", "CAMPAIGN_NOT_FOUND"));
        }
    }

    // A file whose failed lines span several reasons, both error kinds and more than one page; and one that processes as it is polled.
    private static void AddFtpFiles(ImpactMockServer server, DateTimeOffset now)
    {
        var reasons = new[]
        {
            (SubmissionErrorType.ContractError, ErrorReason.ContractNotFound), (SubmissionErrorType.Validation, ErrorReason.Malformed),
            (SubmissionErrorType.ContractError, ErrorReason.ContractNotFound), (SubmissionErrorType.Validation, ErrorReason.OidMissing),
            (SubmissionErrorType.ContractError, ErrorReason.ActionTrackerNotFound), (SubmissionErrorType.ContractError, ErrorReason.ContractNotFound),
        };
        var lines = Enumerable.Range(0, 130).Select(i => ApiSubmissionsModelFactory.FtpErrorDetail(
            line: 7 + (i * 3),
            campaignId: 1000,
            actionTrackerId: 4000,
            mediaPartnerId: i % 4 == 0 ? null : 10099,
            orderId: reasons[i % reasons.Length].Item2 == ErrorReason.OidMissing ? null : (1234567800000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            sku: "SKU-" + (100 + (i % 9)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            status: reasons[i % reasons.Length].Item1,
            reason: reasons[i % reasons.Length].Item2));
        server.AddFtpFileSubmission(
            ApiSubmissionsModelFactory.FtpFileSubmission(batchId: FailedFtpBatchId, submissionDate: now.AddHours(-3), completionDate: now.AddHours(-3).AddMinutes(6), fileName: "conversions_demo.csv", totalRecords: 2400),
            lines);
        server.AddProgressingFtpFileSubmission(
            ApiSubmissionsModelFactory.FtpFileSubmission(batchId: ProgressingFtpBatchId, submissionDate: now.AddSeconds(-5), completionDate: now, fileName: "conversions_now.csv", totalRecords: 500),
            lines.Take(4),
            getsPerStatus: 1);
    }

    // The generated submissions are a US Pacific account's: the hand-made ones match them.
    private static DateTimeOffset AccountTime(DateTimeOffset instant) =>
        TimeZoneInfo.TryFindSystemTimeZoneById("America/Los_Angeles", out var pacific)
            ? TimeZoneInfo.ConvertTime(instant, pacific)
            : instant.ToOffset(TimeSpan.FromHours(-8));
}
