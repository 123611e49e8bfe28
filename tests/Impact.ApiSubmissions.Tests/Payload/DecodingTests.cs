using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>Well-formed input: decoded exactly once, as the server decoded it.</summary>
public class DecodingTests
{
    [Fact]
    public void A_plus_is_a_space()
    {
        SubmissionPayload.Parse("Note=Hello+world+").Note.Should().Be("Hello world ");
    }

    [Fact]
    public void An_escaped_plus_is_a_plus()
    {
        SubmissionPayload.Parse("Note=1%2B1").Note.Should().Be("1+1");
    }

    [Theory]
    [InlineData("Caf%C3%A9", "Café")]
    [InlineData("caf%c3%a9", "café")]
    [InlineData("%E6%BC%A2%E5%AD%97", "漢字")]
    [InlineData("%F0%9F%94%A8", "🔨")]
    [InlineData("a%26b%3Dc", "a&b=c")]
    [InlineData("100%25", "100%")]
    public void Escapes_are_utf8_bytes_in_either_hex_case(string raw, string expected)
    {
        SubmissionPayload.Parse("ItemName1=" + raw).Items[0].Name.Should().Be(expected);
    }

    [Fact]
    public void Values_are_decoded_once_only()
    {
        SubmissionPayload.Parse("Note=%2541").Note.Should().Be("%41");
    }

    [Fact]
    public void Unescaped_characters_outside_ascii_are_kept_as_they_are()
    {
        SubmissionPayload.Parse("CustomerCity=Zürich&Note=é%C3%A9").Pairs()
            .Should().Equal(("CustomerCity", "Zürich"), ("Note", "éé"));
    }

    [Fact]
    public void Keys_are_decoded_too()
    {
        var payload = SubmissionPayload.Parse("Order%49d=42&My+Key=1");

        payload.OrderId.Should().Be("42");
        payload["My Key"].Should().Be("1");
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        var payload = SubmissionPayload.Parse("orderid=1&OrderId=2&ORDERID=3");

        payload.OrderId.Should().Be("2");
        payload["orderid"].Should().Be("1");
        payload["ORDERID"].Should().Be("3");
        payload["OrderID"].Should().BeNull();
    }

    [Fact]
    public void Only_the_first_equals_sign_separates_key_from_value()
    {
        SubmissionPayload.Parse("Note=a=b==c").Note.Should().Be("a=b==c");
    }

    [Fact]
    public void Repeated_keys_are_all_kept_in_order_and_readers_by_name_see_the_first()
    {
        var payload = SubmissionPayload.Parse("SubId1=a&OrderId=1&SubId1=b&SubId1=c");

        payload.Pairs().Should().Equal(("SubId1", "a"), ("OrderId", "1"), ("SubId1", "b"), ("SubId1", "c"));
        payload.SubId1.Should().Be("a");
        payload["SubId1"].Should().Be("a");
        payload.GetValues("SubId1").Should().Equal("a", "b", "c");
        payload.Count.Should().Be(4);
    }

    [Fact]
    public void An_absent_key_reads_as_null_and_has_no_values()
    {
        var payload = SubmissionPayload.Parse("OrderId=1");

        payload["Missing"].Should().BeNull();
        payload.ContainsKey("Missing").Should().BeFalse();
        payload.GetValues("Missing").Should().BeEmpty();
        payload.ContainsKey("OrderId").Should().BeTrue();
    }

    [Fact]
    public void Parse_rejects_only_null()
    {
        var parse = () => SubmissionPayload.Parse(null!);

        parse.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("payload");
    }

    [Fact]
    public void TryParse_returns_false_and_an_empty_payload_for_null()
    {
        SubmissionPayload.TryParse(null, out var payload).Should().BeFalse();

        payload.Count.Should().Be(0);
    }

    [Fact]
    public void TryParse_returns_true_for_any_string()
    {
        SubmissionPayload.TryParse("%%%&&==&%FF", out var payload).Should().BeTrue();

        payload.Pairs().Should().Equal(("%%%", ""), ("", "="), ("\uFFFD", ""));
    }

    [Fact]
    public void An_empty_string_is_an_empty_payload()
    {
        var payload = SubmissionPayload.Parse(string.Empty);

        payload.Count.Should().Be(0);
        payload.Fields.Should().BeEmpty();
        payload.CampaignId.Should().BeNull();
    }

    [Fact]
    public void Many_fields_are_all_indexed()
    {
        string text = string.Join("&", Enumerable.Range(0, 20_000).Select(i => $"Key{i}=Value{i}"));

        var payload = SubmissionPayload.Parse(text);

        payload.Count.Should().Be(20_000);
        payload["Key0"].Should().Be("Value0");
        payload["Key12345"].Should().Be("Value12345");
        payload["Key19999"].Should().Be("Value19999");
        payload["Key20000"].Should().BeNull();
    }
}
