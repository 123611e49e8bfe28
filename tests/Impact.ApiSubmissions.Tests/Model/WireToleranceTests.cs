using System;
using System.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Serialization;
using Impact.ApiSubmissions.Tests.Foundation;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Model;

public class WireToleranceTests
{
    // Reads JSON without Newtonsoft's date guessing, so the assertions see the text as written.
    private static JObject Raw(string json) =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<JObject>(json, new Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = Newtonsoft.Json.DateParseHandling.None })!;

    private static ApiSubmissionPage Page() => ImpactJson.Deserialize<ApiSubmissionPage>(SpecFile.Fixture("wire-page.json"));

    [Fact]
    public void Numbers_written_as_strings_are_read_as_numbers()
    {
        var s = Page().Submissions[0];

        s.AccountId.Should().Be(10001);
        s.CampaignId.Should().Be(1000);
        s.ActionTrackerId.Should().Be(4000);
        s.MediaPartnerId.Should().Be(10000);
    }

    [Fact]
    public void Plain_json_numbers_are_read_too()
    {
        var s = Page().Submissions[3];

        s.AccountId.Should().Be(10001);
        s.CampaignId.Should().Be(1002);
        s.OrderId.Should().Be("998877");
    }

    [Fact]
    public void OrderId_keeps_leading_zeros()
    {
        Page().Submissions[0].OrderId.Should().Be("0012345678901");
    }

    [Fact]
    public void Empty_strings_mean_no_value_for_dates_enums_and_numbers()
    {
        var pending = Page().Submissions[1];

        pending.ActionTrackerId.Should().BeNull();
        pending.MediaPartnerId.Should().BeNull();
        pending.CompletionDate.Should().BeNull();
        pending.ErrorType.Should().BeNull();
        pending.ErrorReasons.Should().BeEmpty();
        pending.HasErrors.Should().BeFalse();
        Page().Submissions[3].Type.Should().BeNull();
    }

    [Fact]
    public void Nulls_are_read_as_no_value()
    {
        var queued = Page().Submissions[3];

        queued.CompletionDate.Should().BeNull();
        queued.ErrorType.Should().BeNull();
        queued.ErrorReason.Should().BeNull();
        Page().Submissions[1].OrderId.Should().BeNull();
    }

    [Fact]
    public void Date_offsets_are_kept_exactly()
    {
        var page = Page();

        page.Submissions[0].SubmissionDate!.Value.Offset.Should().Be(TimeSpan.FromHours(-7));
        page.Submissions[0].SubmissionDate!.Value.DateTime.Should().Be(new DateTime(2020, 9, 10, 9, 50, 12));
        page.Submissions[1].SubmissionDate!.Value.Offset.Should().Be(new TimeSpan(5, 30, 0));
        page.Submissions[2].SubmissionDate!.Value.Offset.Should().Be(TimeSpan.Zero);
        page.Submissions[3].SubmissionDate!.Value.Offset.Should().Be(TimeSpan.FromHours(-8));
    }

    [Fact]
    public void Date_offsets_are_written_back_as_received()
    {
        var json = ImpactJson.Serialize(Page().Submissions[0]);

        Raw(json)["SubmissionDate"]!.Value<string>().Should().Be("2020-09-10T09:50:12-07:00");
    }

    [Fact]
    public void Unknown_fields_are_kept_with_their_values()
    {
        var s = Page().Submissions[2];

        s.AdditionalProperties.Keys.Should().Equal("ReviewedBy", "RiskScore", "Flags");
        s.AdditionalProperties["ReviewedBy"].Should().Be("ops-team");
        s.AdditionalProperties["RiskScore"].Should().Be(0.75m);
        var flags = (JObject)s.AdditionalProperties["Flags"];
        flags["since"]!.Type.Should().Be(JTokenType.String);
        flags["since"]!.Value<string>().Should().Be("2024-08-03T12:00:00-04:00");
    }

    [Fact]
    public void Unknown_fields_are_written_back_unchanged()
    {
        var back = Raw(ImpactJson.Serialize(Page().Submissions[2]));

        back["ReviewedBy"]!.Value<string>().Should().Be("ops-team");
        back["RiskScore"]!.Value<decimal>().Should().Be(0.75m);
        back["Flags"]!["since"]!.Value<string>().Should().Be("2024-08-03T12:00:00-04:00");
        back["Flags"]!["manual"]!.Value<bool>().Should().BeTrue();
    }

    [Fact]
    public void Unknown_enum_values_do_not_fail_the_page_and_are_kept()
    {
        var page = Page();

        page.Submissions.Should().HaveCount(4);
        var odd = page.Submissions[2];
        odd.Status!.Value.ToString().Should().Be("Failed");
        odd.Status!.Value.IsKnown.Should().BeFalse();
        odd.Type!.Value.ToString().Should().Be("Cancellation");
        odd.ErrorType!.Value.ToString().Should().Be("Fraud Check");
        odd.IsComplete.Should().BeFalse();
        odd.IsPending.Should().BeFalse();
    }

    [Fact]
    public void Unknown_enum_values_are_written_back_unchanged()
    {
        var back = Raw(ImpactJson.Serialize(Page().Submissions[2]));

        back["Status"]!.Value<string>().Should().Be("Failed");
        back["Type"]!.Value<string>().Should().Be("Cancellation");
        back["ErrorType"]!.Value<string>().Should().Be("Fraud Check");
    }

    [Fact]
    public void Plain_JsonConvert_also_round_trips_an_unknown_status()
    {
        var submission = new ApiSubmission { BatchId = "A-1", Status = new SubmissionStatus("Cancelled") };

        var json = Newtonsoft.Json.JsonConvert.SerializeObject(submission);
        var back = Newtonsoft.Json.JsonConvert.DeserializeObject<ApiSubmission>(json)!;

        JObject.Parse(json)["Status"]!.Value<string>().Should().Be("Cancelled");
        back.Status.Should().Be(new SubmissionStatus("Cancelled"));
    }

    [Fact]
    public void Both_names_of_the_list_array_are_accepted()
    {
        var live = ImpactJson.Deserialize<ApiSubmissionPage>("{\"APISubmissions\":[{\"BatchId\":\"A-1\"},{\"BatchId\":\"A-2\"}]}");
        var published = ImpactJson.Deserialize<ApiSubmissionPage>("{\"APISubmission\":[{\"BatchId\":\"A-3\"}]}");
        var neither = ImpactJson.Deserialize<ApiSubmissionPage>("{\"@page\":\"1\"}");

        live.Submissions.Select(s => s.BatchId).Should().Equal("A-1", "A-2");
        published.Submissions.Select(s => s.BatchId).Should().Equal("A-3");
        neither.Submissions.Should().BeEmpty();
    }

    [Fact]
    public void Page_metadata_strings_are_exposed_as_typed_page_information()
    {
        var info = Page().PageInfo;

        info.Page.Should().Be(2);
        info.NumPages.Should().Be(3);
        info.PageSize.Should().Be(4);
        info.Total.Should().Be(11);
        info.Start.Should().Be(4);
        info.End.Should().Be(7);
        info.Uri!.OriginalString.Should().Be("/Advertisers/IRmock123/APISubmissions?Page=2&PageSize=4");
        info.Uri.IsAbsoluteUri.Should().BeFalse();
        info.PreviousPageUri!.OriginalString.Should().Be("/Advertisers/IRmock123/APISubmissions?Page=1&PageSize=4");
        info.NextPageUri!.OriginalString.Should().Be("/Advertisers/IRmock123/APISubmissions?Page=3&PageSize=4");
        info.HasNextPage.Should().BeTrue();
    }

    [Fact]
    public void Empty_next_page_uri_means_last_page()
    {
        var info = ImpactJson.Deserialize<ApiSubmissionPage>("{\"@page\":\"3\",\"@numpages\":\"3\",\"@nextpageuri\":\"\",\"@previouspageuri\":\"/x?Page=2\",\"@total\":\"\"}").PageInfo;

        info.NextPageUri.Should().BeNull();
        info.HasNextPage.Should().BeFalse();
        info.Total.Should().BeNull();
        info.Page.Should().Be(3);
    }

    [Fact]
    public void Numeric_page_metadata_is_accepted_as_text()
    {
        var page = ImpactJson.Deserialize<ApiSubmissionPage>("{\"@page\":1,\"@numpages\":5}");

        page.Page.Should().Be("1");
        page.PageInfo.NumPages.Should().Be(5);
    }
}

public class WireRoundTripTests
{
    // The submission's fields as the spec names them: a spec edit needs no edit here.
    private static readonly string[] WireFields = Impact.ApiSubmissions.Tests.Foundation.SpecFile.SchemaProperties("ApiSubmission");

    [Fact]
    public void A_known_field_sent_empty_is_not_taken_for_an_unknown_field()
    {
        var s = ImpactJson.Deserialize<ApiSubmission>("{\"BatchId\":\"A-1\",\"MediaPartnerId\":\"\",\"CompletionDate\":\"\",\"ErrorType\":\"\",\"OrderId\":null,\"NewField\":\"x\"}");

        s.MediaPartnerId.Should().BeNull();
        s.AdditionalProperties.Keys.Should().Equal("NewField");
    }

    [Fact]
    public void Serialising_writes_the_wire_fields_and_unknown_ones_only()
    {
        var s = ImpactJson.Deserialize<ApiSubmission>("{\"BatchId\":\"A-1\",\"Status\":\"Complete\",\"ErrorType\":\"Validation\",\"ErrorReason\":\"OID_MISSING\",\"SubmissionDate\":\"2024-01-01T00:00:00-07:00\",\"CompletionDate\":\"2024-01-01T00:01:00-07:00\",\"Extra\":1}");

        var keys = JObject.Parse(ImpactJson.Serialize(s)).Properties().Select(p => p.Name).ToList();

        keys.Should().BeSubsetOf(WireFields.Append("Extra"));
        keys.Should().Contain(new[] { "BatchId", "Status", "ErrorType", "ErrorReason", "Extra" });
    }

    [Fact]
    public void Serialising_a_page_writes_no_computed_members()
    {
        var page = ImpactJson.Deserialize<ApiSubmissionPage>("{\"@page\":\"1\",\"@nextpageuri\":\"\",\"APISubmissions\":[{\"BatchId\":\"A-1\"}]}");

        var keys = JObject.Parse(ImpactJson.Serialize(page)).Properties().Select(p => p.Name).ToList();

        keys.Should().NotContain(new[] { "Submissions", "PageInfo" });
        keys.Should().Contain(new[] { "@page", "@nextpageuri", "APISubmissions" });
    }
}
