using System;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

public class WireValidatorTests
{
    private const string WireSubmission = """
        {"BatchId":"A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l","AccountId":"10001","SubmissionDate":"2025-06-10T09:50:12-07:00",
         "CampaignId":"1000","ActionTrackerId":"4000","MediaPartnerId":"10000","EventCode":"","OrderId":null,"Payload":"CampaignId=1000",
         "Type":"Conversion","Status":"Queued","CompletionDate":"","ErrorType":"","ErrorReason":"",
         "Uri":"/Advertisers/IRExampleSid1/APISubmissions/A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l"}
        """;

    private static readonly WireValidator Validator = SpecOperations.Validator;

    [Fact]
    public void The_wire_format_passes_numbers_as_strings_empty_strings_and_null()
    {
        Validator.Validate(Json(WireSubmission), "ApiSubmission").Should().BeEmpty();
    }

    [Fact]
    public void An_empty_or_null_value_is_refused_where_no_source_shows_one()
    {
        Validator.Validate(Submission(s => s["MediaPartnerId"] = ""), "ApiSubmission").Should().NotBeEmpty();
        Validator.Validate(Submission(s => s["AccountId"] = null), "ApiSubmission").Should().NotBeEmpty();
    }

    [Fact]
    public void The_canonical_format_of_the_spec_passes_too()
    {
        var canonical = Submission(s =>
        {
            s["AccountId"] = 10001;
            s["EventCode"] = null;
            s["CompletionDate"] = "2025-06-10T10:11:15-07:00";
            s["Status"] = "Complete";
        });

        Validator.Validate(canonical, "ApiSubmission").Should().BeEmpty();
    }

    [Theory]
    [InlineData("AccountId", "abc", "IntegerExpected")]
    [InlineData("AccountId", "10001.5", "IntegerExpected")]
    [InlineData("Status", "Done", "NotInEnumeration")]
    [InlineData("Type", "Sale", "NotInEnumeration")]
    [InlineData("SubmissionDate", "yesterday", "DateTimeExpected")]
    public void A_wrong_value_is_caught(string field, string value, string kind)
    {
        var drifted = Submission(s => s[field] = value);

        Validator.Validate(drifted, "ApiSubmission").Should().Contain(e => e.StartsWith(kind) && e.Contains(field));
    }

    [Fact]
    public void A_renamed_field_is_caught_twice_as_unknown_and_as_missing()
    {
        var drifted = Submission(s =>
        {
            s["BatchID"] = s["BatchId"];
            s.Remove("BatchId");
        });

        Validator.Validate(drifted, "ApiSubmission").Should().Contain("NoAdditionalPropertiesAllowed: #/BatchID").And.Contain("PropertyRequired: #/BatchId");
    }

    [Fact]
    public void A_number_where_the_spec_says_string_is_caught()
    {
        var page = Page(p => p["@page"] = 1);

        Validator.Validate(page, "ApiSubmissionPage").Should().Contain("StringExpected: #/@page");
    }

    [Fact]
    public void Missing_page_metadata_is_caught()
    {
        var page = Page(p => p.Remove("@nextpageuri"));

        Validator.Validate(page, "ApiSubmissionPage").Should().Contain("PropertyRequired: #/@nextpageuri");
    }

    [Fact]
    public void A_drifted_submission_inside_a_page_is_caught_with_its_path()
    {
        var page = Page(p => p["APISubmissions"]![0]!["CampaignId"] = "ten");

        Validator.Validate(page, "ApiSubmissionPage").Should().Contain("IntegerExpected: #/APISubmissions[0].CampaignId");
    }

    [Fact]
    public void A_page_names_its_array_exactly_once()
    {
        var v14 = Page(p =>
        {
            p["APISubmission"] = p["APISubmissions"];
            p.Remove("APISubmissions");
        });
        var both = Page(p => p["APISubmission"] = p["APISubmissions"]!.DeepClone());
        var neither = Page(p => p.Remove("APISubmissions"));

        Validator.Validate(v14, "ApiSubmissionPage").Should().BeEmpty();
        Validator.Validate(both, "ApiSubmissionPage").Should().ContainSingle(e => e.StartsWith("OneOfRequired"));
        Validator.Validate(neither, "ApiSubmissionPage").Should().ContainSingle(e => e.StartsWith("OneOfRequired"));
    }

    [Fact]
    public void Field_errors_are_optional_in_an_error_but_complete_when_present()
    {
        Validator.Validate(Json("""{"Status":"ERROR","Message":"Access denied"}"""), "ImpactError").Should().BeEmpty();
        Validator.Validate(Json("""{"Status":"ERROR","Message":"x","Errors":[{"Field":"Page"}]}"""), "ImpactError")
            .Should().Contain("PropertyRequired: #/Errors[0].Message");
    }

    private static JToken Json(string json) => MockHttp.ParseToken(json);

    private static JObject Submission(Action<JObject> change)
    {
        var submission = (JObject)Json(WireSubmission);
        change(submission);
        return submission;
    }

    private static JObject Page(Action<JObject> change)
    {
        var page = (JObject)Json("""
            {"@page":"1","@numpages":"1","@pagesize":"1000","@total":"1","@start":"0","@end":"0",
             "@uri":"/Advertisers/IRExampleSid1/APISubmissions?Page=1&PageSize=1000",
             "@firstpageuri":"/Advertisers/IRExampleSid1/APISubmissions?Page=1&PageSize=1000",
             "@previouspageuri":"","@nextpageuri":"",
             "@lastpageuri":"/Advertisers/IRExampleSid1/APISubmissions?Page=1&PageSize=1000","APISubmissions":[]}
            """);
        ((JArray)page["APISubmissions"]!).Add(Json(WireSubmission));
        change(page);
        return page;
    }
}
