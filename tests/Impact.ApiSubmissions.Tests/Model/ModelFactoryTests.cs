using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Model;

public class ModelFactoryTests
{
    [Fact]
    public void A_factory_submission_has_every_value_it_was_given()
    {
        var submitted = new DateTimeOffset(2024, 8, 1, 9, 0, 0, TimeSpan.FromHours(-7));
        var s = ApiSubmissionsModelFactory.ApiSubmission(
            "A-1", 10001, submitted, 3_000_000_000, 4000, 5_000_000_000, "SALE", "O-1", "CampaignId=1", SubmissionType.Conversion,
            SubmissionStatus.Complete, submitted.AddMinutes(3), SubmissionErrorType.ContractError, "CONTRACT_NOT_FOUND", "/x/A-1",
            new[] { new KeyValuePair<string, string>("NewField", "x") });

        s.BatchId.Should().Be("A-1");
        s.CampaignId.Should().Be(3_000_000_000, "ids are long");
        s.MediaPartnerId.Should().Be(5_000_000_000);
        s.ProcessingTime.Should().Be(TimeSpan.FromMinutes(3));
        s.ErrorReasons.Should().Equal(ErrorReason.ContractNotFound);
        s.AdditionalFields.Should().Equal(new Dictionary<string, string> { ["NewField"] = "x" });
    }

    [Fact]
    public void A_users_own_json_convert_writes_the_wire_form_with_enums_as_strings()
    {
        var s = ApiSubmissionsModelFactory.ApiSubmission("A-1", status: SubmissionStatus.InProgress, errorType: SubmissionErrorType.ContractError,
            additionalFields: new[] { new KeyValuePair<string, string>("NewField", "x") });

        var json = JObject.Parse(JsonConvert.SerializeObject(s));

        json["Status"]!.Value<string>().Should().Be("In Progress");
        json["ErrorType"]!.Value<string>().Should().Be("Contract Error");
        json["NewField"]!.Value<string>().Should().Be("x");
        json.Properties().Select(p => p.Name).Should().NotContain(new[] { "IsComplete", "ErrorReasons", "AdditionalFields", "HasErrors" });
    }

    [Fact]
    public void A_page_shows_its_submissions_metadata_and_continuation_token()
    {
        var page = ApiSubmissionsModelFactory.ApiSubmissionPage(new[] { ApiSubmissionsModelFactory.ApiSubmission("A-1") }, page: 2, numPages: 3, total: 21, continuationToken: "/next");

        page.Submissions.Select(s => s.BatchId).Should().Equal("A-1");
        page.PageInfo.Page.Should().Be(2);
        page.PageInfo.NumPages.Should().Be(3);
        page.PageInfo.Total.Should().Be(21);
        page.ContinuationToken.Should().Be("/next");
        ImpactJson.Deserialize<ApiSubmissionPage>(ImpactJson.Serialize(page)).ContinuationToken.Should().Be("/next");
    }

    [Fact]
    public void Error_envelope_and_rate_limit_are_built_for_mocked_failures()
    {
        var error = ApiSubmissionsModelFactory.ImpactError("Bad", "ERROR", new[] { ApiSubmissionsModelFactory.ImpactFieldError("BatchId", "unknown") });
        var limit = ApiSubmissionsModelFactory.RateLimitState(limit: 1000, remaining: 0, retryAfter: TimeSpan.FromSeconds(5));

        error.Errors!.Single().Field.Should().Be("BatchId");
        limit.SuggestedDelay.Should().Be(TimeSpan.FromSeconds(5));
    }
}
