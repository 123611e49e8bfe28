using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Model;

public class SubmissionModelTests
{
    [Fact]
    public void Status_members_have_idiomatic_names_and_wire_values()
    {
        SubmissionStatus.Queued.ToString().Should().Be("Queued");
        SubmissionStatus.InProgress.ToString().Should().Be("In Progress");
        SubmissionStatus.Complete.ToString().Should().Be("Complete");
        SubmissionStatus.KnownValues.Should().ContainInOrder(SubmissionStatus.Queued, SubmissionStatus.InProgress, SubmissionStatus.Complete);
        SubmissionType.KnownValues.Select(t => t.ToString()).Should().ContainInOrder("Conversion", "Modification", "Reversal");
    }

    [Fact]
    public void Extensible_enums_compare_ignoring_case_and_convert_from_strings()
    {
        SubmissionStatus fromWire = "in progress";

        (fromWire == SubmissionStatus.InProgress).Should().BeTrue();
        fromWire.ToString().Should().Be("in progress");
        new SubmissionStatus("Failed").Should().NotBe(SubmissionStatus.Complete);
        new SubmissionStatus("Failed").GetHashCode().Should().Be(new SubmissionStatus("FAILED").GetHashCode());
    }

    [Fact]
    public void Error_type_has_the_two_documented_values_and_stays_open()
    {
        SubmissionErrorType.Validation.ToString().Should().Be("Validation");
        SubmissionErrorType.ContractError.ToString().Should().Be("Contract Error");
        new SubmissionErrorType("An Error Type No Source Lists").IsKnown.Should().BeFalse();
        SubmissionErrorType.ContractError.IsKnown.Should().BeTrue();
    }

    [Fact]
    public void The_documented_reason_codes_are_known_with_a_description()
    {
        ErrorReason.KnownValues.Select(r => r.Code).Should().Equal(Foundation.SpecFile.SchemaEnum("ErrorReason"));
        ErrorReason.KnownValues.Should().OnlyContain(r => r.IsKnown && !string.IsNullOrWhiteSpace(r.Description));
        ErrorReason.KnownValues.Select(r => r.Code).Should().Contain(new[]
        {
            "ACTION_REF_NOT_FOUND", "ACTIONTERMS_NOT_FOUND", "ACTIONTRACKER_CAMPAIGN_MISMATCH", "ACTIONTRACKER_NOT_ACTIVE",
            "ACTIONTRACKER_NOT_FOUND", "BLACKLISTED_SOURCE_IP", "BLOCKED_BY_PROMOCODE", "CALL_DUPLICATE", "CALL_DURATION_TOO_SHORT",
            "CALL_FOR_CALL_PER_CONV_AT", "CALL_INCOMPLETE", "CALL_OUTSIDE_DAILY_RANGE", "CAMPAIGN_NOT_FOUND", "CONTRACT_NOT_FOUND",
            "CONV_DUPLICATE", "CREDITING_RULE_MISMATCH", "MALFORMED", "MAX_RECURRENCES_REACHED", "NO_ITEM", "NO_VALID_ACTION_REF",
            "OID_MISSING", "OTHER_REF_PRIORITIZED", "OUTSIDE_ASSOCIATION_WINDOW", "PARTNER_NOT_ACTIVE", "REFTYPE_NOT_ACCEPTED",
            "RESTRICTED_PROMOCODE", "UNCLAIMED",
        });
        ErrorReason.ContractNotFound.Code.Should().Be("CONTRACT_NOT_FOUND");
        ErrorReason.RestrictedPromoCode.Description.Should().Be("The promo code ties the event to another partner's channel.");
    }

    [Fact]
    public void Error_reasons_are_parsed_in_order_with_unknown_codes_kept()
    {
        var s = new ApiSubmission { ErrorReason = "  OID_MISSING\tNEW_FRAUD_CODE  CONV_DUPLICATE \n" };

        s.ErrorReasons.Select(r => r.Code).Should().Equal("OID_MISSING", "NEW_FRAUD_CODE", "CONV_DUPLICATE");
        s.ErrorReasons[0].Should().Be(ErrorReason.OidMissing);
        s.ErrorReasons[1].IsKnown.Should().BeFalse();
        s.ErrorReasons[1].Description.Should().BeNull();
        s.HasErrors.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Empty_error_reason_means_none(string? text)
    {
        new ApiSubmission { ErrorReason = text }.ErrorReasons.Should().BeEmpty();
    }

    [Fact]
    public void A_reason_in_free_text_is_kept_as_written()
    {
        // An FTP line's Reason can be free text (impact.com's published example: "Invalid date format").
        var reason = new ErrorReason("Invalid date format");

        (reason.Code, reason.IsKnown, reason.Description).Should().Be(("Invalid date format", false, (string?)null));
    }

    [Fact]
    public void Completion_and_pending_follow_the_status()
    {
        new ApiSubmission { Status = SubmissionStatus.Queued }.IsPending.Should().BeTrue();
        new ApiSubmission { Status = SubmissionStatus.InProgress }.IsPending.Should().BeTrue();
        new ApiSubmission { Status = SubmissionStatus.Complete }.IsComplete.Should().BeTrue();
        new ApiSubmission { Status = SubmissionStatus.Complete }.IsPending.Should().BeFalse();
        new ApiSubmission().IsComplete.Should().BeFalse();
    }

    [Fact]
    public void A_complete_submission_can_still_have_errors()
    {
        var s = new ApiSubmission { Status = SubmissionStatus.Complete, ErrorType = SubmissionErrorType.Validation };

        s.IsComplete.Should().BeTrue();
        s.HasErrors.Should().BeTrue();
        s.ErrorReasons.Should().BeEmpty();
    }

    [Fact]
    public void Processing_time_is_completion_minus_submission_across_offsets()
    {
        var s = new ApiSubmission
        {
            SubmissionDate = DateTimeOffset.Parse("2020-09-10T09:50:12-07:00"),
            CompletionDate = DateTimeOffset.Parse("2020-09-10T17:11:15+00:00"),
        };

        s.ProcessingTime.Should().Be(new TimeSpan(0, 21, 3));
        new ApiSubmission { SubmissionDate = DateTimeOffset.UtcNow }.ProcessingTime.Should().BeNull();
    }

    [Theory]
    [InlineData("/Advertisers/IRsid/APISubmissions/A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l", "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l")]
    [InlineData("https://api.impact.com/Advertisers/IRsid/APISubmissions/A-1?IrVersion=14", "A-1")]
    [InlineData("/Advertisers/IRsid/APISubmissions/A%2F1/", "A/1")]
    [InlineData("/Advertisers/IRsid/APISubmissions", null)]
    [InlineData("/Advertisers/IRsid/APISubmissions/", null)]
    [InlineData("/Advertisers/IRsid/Conversions/123", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void BatchId_is_read_from_a_submission_uri(string? uri, string? expected)
    {
        ApiSubmission.BatchIdFromUri(uri).Should().Be(expected);
    }

    [Fact]
    public void ToString_summarises_without_payload()
    {
        var s = new ApiSubmission
        {
            BatchId = "A-1",
            Status = SubmissionStatus.Complete,
            ErrorType = SubmissionErrorType.ContractError,
            ErrorReason = "CONTRACT_NOT_FOUND",
            Payload = "CustomerEmail=secret",
        };

        s.ToString().Should().Be("A-1 Complete Contract Error: CONTRACT_NOT_FOUND");
    }
}
