using System;
using FluentAssertions;
using Impact.ApiSubmissions.Serialization;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Model;

public class MalformedResponseTests
{
    [Fact]
    public void A_number_field_that_is_not_a_number_names_the_field_and_the_value()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>("{\"BatchId\":\"A-1\",\"AccountId\":\"abc\"}");

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.Field.Should().Be("AccountId");
        e.Value.Should().Be("abc");
        e.Message.Should().Be("Field 'AccountId' has value \"abc\", which is not an integer.");
    }

    [Fact]
    public void The_path_inside_a_page_names_the_record()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmissionPage>(
            "{\"APISubmissions\":[{\"BatchId\":\"A-1\",\"CampaignId\":\"1\"},{\"BatchId\":\"A-2\",\"CampaignId\":\"12x\"}]}");

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.Field.Should().Be("APISubmissions[1].CampaignId");
        e.Value.Should().Be("12x");
    }

    [Fact]
    public void A_bad_date_names_the_field_and_the_value()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>("{\"SubmissionDate\":\"yesterday at noon\"}");

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.Field.Should().Be("SubmissionDate");
        e.Value.Should().Be("yesterday at noon");
        e.Message.Should().Contain("ISO 8601");
    }

    [Fact]
    public void A_huge_offending_value_is_bounded_in_the_message()
    {
        var huge = new string('9', 5000) + "x";

        var act = () => ImpactJson.Deserialize<ApiSubmission>("{\"AccountId\":\"" + huge + "\"}");

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.Value.Length.Should().Be(81);
        e.Message.Length.Should().BeLessThan(200);
    }

    [Fact]
    public void A_number_too_large_for_its_field_is_reported_not_wrapped()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>("{\"AccountId\":\"99999999999999999999\"}");

        act.Should().Throw<ImpactWireFormatException>().Which.Value.Should().Be("99999999999999999999");
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><ImpactRadiusResponse><APISubmissions/></ImpactRadiusResponse>")]
    [InlineData("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>")]
    [InlineData("{\"BatchId\": \"A-1\", \"AccountId\": }")]
    [InlineData("[1, 2, 3]")]
    public void Xml_html_and_broken_json_give_a_clear_format_exception(string body)
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>(body);

        var e = act.Should().Throw<ImpactWireFormatException>().Which;
        e.Message.Should().NotContain("Newtonsoft");
        e.Message.Should().MatchRegex("not valid JSON|does not have the expected shape");
    }

    [Fact]
    public void A_truncated_body_is_reported_as_truncated()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmissionPage>("{\"@page\":\"1\",\"APISubmissions\":[{\"BatchId\":\"A-1\",\"Payl");

        act.Should().Throw<ImpactWireFormatException>().Which.Message.Should().Contain("truncated");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    public void An_empty_body_is_an_error_not_a_null_result(string body)
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>(body);

        act.Should().Throw<ImpactWireFormatException>().Which.Message.Should().Contain("empty");
    }

    [Fact]
    public void Trailing_garbage_after_the_object_is_an_error()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>("{\"BatchId\":\"A-1\"} <html>");

        act.Should().Throw<ImpactWireFormatException>();
    }

    [Fact]
    public void A_status_written_as_an_object_is_an_error_naming_the_field()
    {
        var act = () => ImpactJson.Deserialize<ApiSubmission>("{\"Status\":{\"value\":\"Complete\"}}");

        act.Should().Throw<ImpactWireFormatException>().Which.Field.Should().StartWith("Status");
    }
}
