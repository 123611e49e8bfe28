using System.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>Keys the SDK does not model stay reachable by name, with their values, in their original order.</summary>
public class UnmodeledKeysTests
{
    private const string Reversal =
        "ActionId=1000.4000.123456&OrderId=1234567890123&Reason=RETURNED&ItemSku1=12345&ItemAmount1=0"
        + "&DispositionCode=RMA&Note=Customer+returned+it&Reason=DAMAGED&x-custom=%E2%9C%93";

    [Fact]
    public void A_reversal_keeps_every_key_it_carries_by_name()
    {
        var payload = SubmissionPayload.Parse(Reversal);

        payload["ActionId"].Should().Be("1000.4000.123456");
        payload["Reason"].Should().Be("RETURNED");
        payload.GetValues("Reason").Should().Equal("RETURNED", "DAMAGED");
        payload["x-custom"].Should().Be("✓");
    }

    [Fact]
    public void Unmodeled_keys_are_listed_in_their_original_order_with_their_values()
    {
        SubmissionPayload.Parse(Reversal).AdditionalFields.Select(f => (f.Key, f.Value)).Should().Equal(
            ("ActionId", "1000.4000.123456"),
            ("Reason", "RETURNED"),
            ("ItemAmount1", "0"),
            ("Reason", "DAMAGED"),
            ("x-custom", "✓"));
    }

    [Fact]
    public void Unmodeled_keys_keep_their_place_among_the_modeled_ones()
    {
        SubmissionPayload.Parse(Reversal).Fields.Select(f => f.Key).Should().Equal(
            "ActionId", "OrderId", "Reason", "ItemSku1", "ItemAmount1", "DispositionCode", "Note", "Reason", "x-custom");
    }

    [Fact]
    public void Unmodeled_keys_are_written_back_as_they_came_after_an_edit()
    {
        var payload = SubmissionPayload.Parse(Reversal);

        payload.Note = null;

        payload.ToString().Should().Be(
            "ActionId=1000.4000.123456&OrderId=1234567890123&Reason=RETURNED&ItemSku1=12345&ItemAmount1=0"
            + "&DispositionCode=RMA&Reason=DAMAGED&x-custom=%E2%9C%93");
    }

    [Fact]
    public void Key_names_differing_only_in_case_from_documented_ones_are_unmodeled()
    {
        var payload = SubmissionPayload.Parse("orderid=1&CAMPAIGNID=1000");

        payload.OrderId.Should().BeNull();
        payload.CampaignId.Should().BeNull();
        payload.AdditionalFields.Select(f => f.Key).Should().Equal("orderid", "CAMPAIGNID");
    }
}
