using System.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>Malformed input: each kind is read by the rule SubmissionPayload.Parse documents.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("50%OFF", "50%OFF")]
    [InlineData("100%", "100%")]
    [InlineData("%4", "%4")]
    [InlineData("%G1", "%G1")]
    [InlineData("a%%41", "a%A")]
    [InlineData("%41%4", "A%4")]
    public void A_percent_that_starts_no_escape_is_kept_literally(string raw, string expected)
    {
        SubmissionPayload.Parse("OrderPromoCode=" + raw).OrderPromoCode.Should().Be(expected);
    }

    [Fact]
    public void A_malformed_escape_in_a_key_is_kept_literally()
    {
        SubmissionPayload.Parse("50%OFF=yes")["50%OFF"].Should().Be("yes");
    }

    [Fact]
    public void Empty_segments_make_no_field()
    {
        SubmissionPayload.Parse("&&OrderId=1&&&CampaignId=2&").Pairs()
            .Should().Equal(("OrderId", "1"), ("CampaignId", "2"));
    }

    [Fact]
    public void A_payload_of_separators_only_has_no_field()
    {
        SubmissionPayload.Parse("&&&").Count.Should().Be(0);
    }

    [Fact]
    public void An_empty_key_is_kept_as_the_empty_string()
    {
        var payload = SubmissionPayload.Parse("=orphan&OrderId=1&=");

        payload.Pairs().Should().Equal(("", "orphan"), ("OrderId", "1"), ("", ""));
        payload[""].Should().Be("orphan");
    }

    [Fact]
    public void A_key_without_equals_sign_has_an_empty_value()
    {
        var payload = SubmissionPayload.Parse("GiftPurchase&OrderId=1");

        payload["GiftPurchase"].Should().Be("");
        payload.ContainsKey("GiftPurchase").Should().BeTrue();
        payload.GiftPurchase.Should().BeNull();
    }

    [Fact]
    public void A_key_without_equals_sign_is_told_apart_from_an_empty_value_by_its_encoded_text()
    {
        var payload = SubmissionPayload.Parse("flag&empty=");

        payload.Fields.Select(f => (f.Key, f.Value, f.Encoded)).Should().Equal(("flag", "", "flag"), ("empty", "", "empty="));
    }

    [Theory]
    [InlineData("%FF", "\uFFFD")]
    [InlineData("Caf%E9", "Caf\uFFFD")]
    [InlineData("%C3", "\uFFFD")]
    [InlineData("%C3x", "\uFFFDx")]
    [InlineData("%E6%BC", "\uFFFD")]
    [InlineData("%E6%BCx", "\uFFFDx")]
    [InlineData("%80%80", "\uFFFD\uFFFD")]
    [InlineData("%C0%AF", "\uFFFD\uFFFD")]
    [InlineData("%ED%A0%80", "\uFFFD\uFFFD\uFFFD")]
    [InlineData("%F4%90%80%80", "\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData("%F0%9F%94", "\uFFFD")]
    [InlineData("%C3%A9%FF%C3%A9", "é\uFFFDé")]
    public void Bytes_that_are_not_utf8_become_one_replacement_character_per_maximal_invalid_subsequence(string raw, string expected)
    {
        SubmissionPayload.Parse("CustomerCity=" + raw).CustomerCity.Should().Be(expected);
    }

    [Fact]
    public void An_escaped_replacement_character_is_a_replacement_character_and_not_reported()
    {
        var payload = SubmissionPayload.Parse("Note=%EF%BF%BD&CampaignId=1&EventTypeId=2&ClickId=c&OrderId=1&EventDate=2024-08-01T00:00:00Z");

        payload.Note.Should().Be("\uFFFD");
        payload.Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_very_long_value_is_read_whole()
    {
        string value = new string('x', 2_000_000);

        var payload = SubmissionPayload.Parse("Note=" + value + "&OrderId=1");

        payload.Note.Should().Be(value);
        payload.OrderId.Should().Be("1");
    }

    [Fact]
    public void A_very_long_escaped_value_is_decoded_whole()
    {
        string raw = string.Concat(Enumerable.Repeat("%C3%A9+", 300_000));

        var payload = SubmissionPayload.Parse("Note=" + raw);

        payload.Note.Should().HaveLength(600_000).And.StartWith("é é ").And.EndWith("é ");
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("=\uDC00&\uD83D")]
    [InlineData("%")]
    [InlineData("=")]
    [InlineData("&")]
    [InlineData("%%%%")]
    [InlineData("a=%F0%9F")]
    [InlineData("\0=\0")]
    public void Odd_strings_parse_and_format_back_unchanged(string text)
    {
        SubmissionPayload.TryParse(text, out var payload).Should().BeTrue();

        payload.ToString().Should().Be(text);
    }
}
