using System;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>ToString: the original text while unedited; after an edit, text that parses back to the same values.</summary>
public class FormattingTests
{
    [Theory]
    [InlineData("a=1&&b=2&")]
    [InlineData("&a=%4a%4B")]
    [InlineData("Note=a%20b+c")]
    [InlineData("Note=%41%42")]
    [InlineData("50%OFF&=x&flag")]
    [InlineData("City=Z%FCrich")]
    public void An_unedited_payload_formats_to_its_original_text_byte_for_byte(string text)
    {
        var payload = SubmissionPayload.Parse(text);

        payload.IsEdited.Should().BeFalse();
        payload.ToString().Should().Be(text);
    }

    [Fact]
    public void After_an_edit_untouched_fields_keep_their_original_text()
    {
        var payload = SubmissionPayload.Parse("Note=a%20b+c&Code=%4a%4B&flag&=x&OrderId=1");

        payload.OrderId = "2";

        payload.ToString().Should().Be("Note=a%20b+c&Code=%4a%4B&flag&=x&OrderId=2");
    }

    // The round-trip exceptions: what an edited payload cannot reproduce of the original text.
    [Fact]
    public void After_an_edit_empty_segments_of_the_original_are_not_reproduced()
    {
        var payload = SubmissionPayload.Parse("&OrderId=1&&CampaignId=2&");

        payload.Set("Note", "x");

        payload.ToString().Should().Be("OrderId=1&CampaignId=2&Note=x");
    }

    [Fact]
    public void After_an_edit_a_value_set_again_is_written_in_the_canonical_encoding()
    {
        var payload = SubmissionPayload.Parse("Note=a%20b%2c%7e&OrderId=1");

        payload.Note = "a b,~!";

        payload.ToString().Should().Be("Note=a+b,~%21&OrderId=1");
    }

    [Fact]
    public void An_unpaired_surrogate_set_in_code_is_written_as_a_replacement_character()
    {
        var payload = new SubmissionPayload();

        payload.Set("Note", "a\uD800b");

        payload.ToString().Should().Be("Note=a%EF%BF%BDb");
        SubmissionPayload.Parse(payload.ToString()).Note.Should().Be("a\uFFFDb");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a b", "a+b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a&b=c", "a%26b%3Dc")]
    [InlineData("100%", "100%25")]
    [InlineData("Café", "Caf%C3%A9")]
    [InlineData("🔨", "%F0%9F%94%A8")]
    [InlineData("2024-08-01T23:55:24-08:00", "2024-08-01T23:55:24-08:00")]
    [InlineData("https://x.example/a?b#c", "https://x.example/a%3Fb%23c")]
    [InlineData("me@x.example, A-Z_0.9~", "me@x.example,+A-Z_0.9~")]
    [InlineData("\t\n\"<>'", "%09%0A%22%3C%3E%27")]
    public void A_value_set_in_code_is_encoded_as_utf8_with_upper_case_hex_and_plus_for_space(string value, string encoded)
    {
        var payload = new SubmissionPayload();

        payload.Set("Note", value);

        payload.ToString().Should().Be("Note=" + encoded);
        SubmissionPayload.Parse(payload.ToString()).Note.Should().Be(value);
    }

    [Fact]
    public void A_key_set_in_code_is_encoded_too()
    {
        var payload = new SubmissionPayload();

        payload.Set("My Key&=", "v");

        payload.ToString().Should().Be("My+Key%26%3D=v");
        SubmissionPayload.Parse(payload.ToString())["My Key&="].Should().Be("v");
    }

    [Fact]
    public void Typed_values_are_written_in_invariant_culture_with_their_offset()
    {
        var payload = new SubmissionPayload
        {
            CampaignId = 1000,
            EventDate = new DateTimeOffset(2024, 8, 1, 23, 55, 24, TimeSpan.FromHours(5.5)),
            OrderDiscount = 6.90m,
            GiftPurchase = true,
        };
        payload.Set("OrderId", 1234567890123L);
        payload.Set("Date1", new DateTimeOffset(2024, 8, 1, 0, 0, 0, 500, TimeSpan.Zero));

        payload.ToString().Should().Be(
            "CampaignId=1000&EventDate=2024-08-01T23:55:24%2B05:30&OrderDiscount=6.90&GiftPurchase=true"
            + "&OrderId=1234567890123&Date1=2024-08-01T00:00:00.5%2B00:00");
    }

    [Fact]
    public void A_field_built_in_code_knows_its_encoded_text()
    {
        var field = new PayloadField("Note", "a b");

        field.Encoded.Should().Be("Note=a+b");
        field.ToString().Should().Be("Note=a+b");
        field.Should().Be(new PayloadField("Note", "a b"));
        field.Should().NotBe(new PayloadField("note", "a b"));
    }

    [Fact]
    public void A_key_that_needs_escaping_is_escaped_like_a_value()
    {
        var field = new PayloadField("Gift Note&x=1%", "a=b&c");

        field.Encoded.Should().Be("Gift+Note%26x%3D1%25=a%3Db%26c");
        SubmissionPayload.Parse(field.Encoded).Fields.Should().Equal(field);

        var payload = SubmissionPayload.Parse("OrderId=1");
        payload.Set("Gift Note&x=1%", "a=b&c");
        payload.ToString().Should().Be("OrderId=1&Gift+Note%26x%3D1%25=a%3Db%26c");
        SubmissionPayload.Parse(payload.ToString())["Gift Note&x=1%"].Should().Be("a=b&c");
    }

    [Fact]
    public void Fields_are_equal_by_decoded_key_and_value_however_written()
    {
        var parsed = SubmissionPayload.Parse("Note=a%20b").Fields[0];

        parsed.Should().Be(new PayloadField("Note", "a b"));
        (parsed == new PayloadField("Note", "a b")).Should().BeTrue();
        parsed.Encoded.Should().Be("Note=a%20b");
        var (key, value) = parsed;
        (key, value).Should().Be(("Note", "a b"));
    }
}
