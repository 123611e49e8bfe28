using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class BuilderTests : IClassFixture<SharedMockServer>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 4, 16, 0, 0, TimeSpan.Zero);

    private readonly ImpactMockServer _server;

    private readonly HttpClient _http;

    public BuilderTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions
        {
            AccountSid = "IRbuild1",
            AccountId = 20002,
            SubmissionCount = 3,
            Now = Now,
        });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task A_default_submission_is_a_complete_conversion_in_the_wire_format()
    {
        var added = _server.Add(new ApiSubmissionBuilder().WithBatchId("A-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));

        var wire = WithoutUnmodelledFields(await _http.GetJsonAsync(_server.GetPath(added.BatchId!)));

        wire.ShouldEqualJson(new JObject
        {
            ["BatchId"] = "A-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            ["AccountId"] = "20002",
            ["SubmissionDate"] = "2025-07-04T08:50:00-07:00",
            ["CampaignId"] = "1000",
            ["ActionTrackerId"] = "4000",
            ["MediaPartnerId"] = "10000",
            ["EventCode"] = "ACME_SALE",
            ["OrderId"] = added.OrderId,
            ["Payload"] = $"CampaignId=1000&EventTypeId=4000&EventDate=2025-07-04T08:49:30-07:00&OrderId={added.OrderId}&CurrencyCode=USD&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=1&ItemPrice1=10",
            ["Type"] = "Conversion",
            ["Status"] = "Complete",
            ["CompletionDate"] = "2025-07-04T08:53:00-07:00",
            ["ErrorType"] = "",
            ["ErrorReason"] = "",
            ["Uri"] = "/Advertisers/IRbuild1/APISubmissions/A-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        });
        added.OrderId.Should().MatchRegex("^[1-9][0-9]{12}$");
    }

    [Fact]
    public async Task Builders_set_every_field_and_absent_values_go_out_as_empty_strings()
    {
        var added = _server.Add(new ApiSubmissionBuilder()
            .WithBatchId("A-custom")
            .WithAccountId(null)
            .WithSubmissionDate(new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.FromHours(2)))
            .WithCampaignId(77)
            .WithActionTrackerId(88)
            .WithMediaPartnerId(null)
            .WithEventCode(null)
            .WithOrderId(null)
            .WithPayload("x=1")
            .WithType(SubmissionType.Reversal)
            .WithStatus(SubmissionStatus.InProgress)
            .WithErrors("Validation", "OID_MISSING", "NO_ITEM")
            .WithUri("/custom"));

        var wire = WithoutUnmodelledFields(await _http.GetJsonAsync(_server.GetPath("A-custom")));

        wire.ShouldEqualJson("""
            {"BatchId":"A-custom","AccountId":"","SubmissionDate":"2025-07-01T09:00:00+02:00","CampaignId":"77","ActionTrackerId":"88",
             "MediaPartnerId":"","EventCode":"","OrderId":null,"Payload":"x=1","Type":"Reversal","Status":"In Progress",
             "CompletionDate":"","ErrorType":"Validation","ErrorReason":"OID_MISSING NO_ITEM","Uri":"/custom"}
            """);
        added.AccountId.Should().BeNull();
        added.OrderId.Should().BeNull();
    }

    [Fact]
    public async Task Added_submissions_go_last_in_the_list()
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-last"));

        var page = await _http.GetJsonAsync(_server.ListPath());

        ((string)page["@total"]!).Should().Be("4");
        ((string)page["APISubmission"]!.Last()["BatchId"]!).Should().Be("A-last");
        _server.Submissions.Last().BatchId.Should().Be("A-last");
    }

    [Fact]
    public void A_BatchId_the_server_already_holds_is_rejected()
    {
        var existing = _server.Submissions[0].BatchId!;

        FluentActions.Invoking(() => _server.Add(new ApiSubmissionBuilder().WithBatchId(existing))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Additional_fields_reach_the_wire_after_the_known_ones()
    {
        var added = _server.Add(new ApiSubmissionBuilder().WithBatchId("A-extra").WithAdditionalField("ProcessingRegion", "us-west"));

        var wire = await _http.GetJsonAsync(_server.GetPath("A-extra"));

        wire.Properties().Last().Name.Should().Be("ProcessingRegion");
        ((string)wire["ProcessingRegion"]!).Should().Be("us-west");
        added.AdditionalProperties.Should().ContainKey("ProcessingRegion");
    }

    [Fact]
    public void Without_a_BatchId_each_build_gets_a_fresh_one_and_the_default_account()
    {
        var builder = new ApiSubmissionBuilder();

        var first = builder.Build();
        var second = builder.Build();

        first.BatchId.Should().NotBe(second.BatchId).And.MatchRegex("^A-[0-9a-z]{8}-");
        first.AccountId.Should().Be(10001);
        first.Uri.Should().Be($"/Advertisers/{ImpactMockServerOptions.DefaultAccountSid}/APISubmissions/{first.BatchId}");
        first.SubmissionDate.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Payload_builder_encodes_once_keeps_order_and_numbers_invariant()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var payload = new PayloadBuilder()
                .Set("CampaignId", "1000")
                .Set("EventDate", "2024-08-01T23:55:24-08:00")
                .Set("ClickId", "SKhRQaSXwxyOUQ%3AwUx0Mo36")
                .Set("Note", "a&b=c d+é")
                .AddItem("12345", "Anvil", "Anvils", 2, 10m)
                .AddItem("55555", "Nuts & Bolts", "Hardware", 1, 6.99m)
                .Set("CampaignId", "1001");

            payload.ItemCount.Should().Be(2);
            payload.ToString().Should().Be(
                "CampaignId=1001&EventDate=2024-08-01T23:55:24-08:00&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36&Note=a%26b%3Dc%20d%2B%C3%A9"
                + "&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=2&ItemPrice1=10"
                + "&ItemSku2=55555&ItemName2=Nuts%20%26%20Bolts&ItemCategory2=Hardware&ItemQuantity2=1&ItemPrice2=6.99");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_builder_takes_a_payload_builder()
    {
        var submission = new ApiSubmissionBuilder()
            .WithPayload(new PayloadBuilder().Set("OrderId", "0012").AddItem("1", "One", "Things", 3, 1.5m))
            .Build();

        submission.Payload.Should().Be("OrderId=0012&ItemSku1=1&ItemName1=One&ItemCategory1=Things&ItemQuantity1=3&ItemPrice1=1.5");
    }

    [Fact]
    public void The_testing_builder_takes_long_ids_and_keeps_additional_fields()
    {
        var s = new ApiSubmissionBuilder().WithCampaignId(3_000_000_000).WithAccountId(4_000_000_000).WithAdditionalField("Extra", "1").Build();

        s.CampaignId.Should().Be(3_000_000_000);
        s.AccountId.Should().Be(4_000_000_000);
        s.AdditionalFields["Extra"].Should().Be("1");
    }

    // Fields a spec edit adds are served from the spec's examples: present, but not the builder's to set.
    private static JObject WithoutUnmodelledFields(JObject wire)
    {
        var modelled = new[]
        {
            "BatchId", "AccountId", "SubmissionDate", "CampaignId", "ActionTrackerId", "MediaPartnerId", "EventCode",
            "OrderId", "Payload", "Type", "Status", "CompletionDate", "ErrorType", "ErrorReason", "Uri",
        };
        foreach (var name in Foundation.SpecFile.SchemaProperties("ApiSubmission").Except(modelled))
        {
            wire.Should().ContainKey(name, "every field the spec names is on the wire");
            wire.Remove(name);
        }

        return wire;
    }
}
