using System;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>Set, Add and Remove; an edited payload parses back to the same values.</summary>
public class EditingTests
{
    [Fact]
    public void Set_changes_an_existing_key_in_place()
    {
        var payload = SubmissionPayload.Parse("CampaignId=1000&OrderId=1&CurrencyCode=USD");

        payload.Set("OrderId", "2");

        payload.Pairs().Should().Equal(("CampaignId", "1000"), ("OrderId", "2"), ("CurrencyCode", "USD"));
    }

    [Fact]
    public void Set_adds_a_new_key_at_the_end()
    {
        var payload = SubmissionPayload.Parse("CampaignId=1000");

        payload.Set("OrderId", "1");

        payload.ToString().Should().Be("CampaignId=1000&OrderId=1");
    }

    [Fact]
    public void Set_leaves_a_repeated_key_with_one_value_where_the_first_stood()
    {
        var payload = SubmissionPayload.Parse("SubId1=a&OrderId=1&SubId1=b&SubId1=c");

        payload.Set("SubId1", "z");

        payload.ToString().Should().Be("SubId1=z&OrderId=1");
    }

    [Fact]
    public void Set_to_the_first_of_repeated_values_keeps_its_original_text()
    {
        var payload = SubmissionPayload.Parse("Note=a%20b&Note=c");

        payload.Set("Note", "a b");

        payload.ToString().Should().Be("Note=a%20b");
    }

    [Fact]
    public void Set_to_the_same_value_is_not_an_edit()
    {
        var payload = SubmissionPayload.Parse("&Note=a%20b&");

        payload.Set("Note", "a b");

        payload.IsEdited.Should().BeFalse();
        payload.ToString().Should().Be("&Note=a%20b&");
    }

    [Fact]
    public void Set_to_null_removes_the_key()
    {
        var payload = SubmissionPayload.Parse("IpAddress=12.345.678.90&OrderId=1");

        payload.IpAddress = null;

        payload.ToString().Should().Be("OrderId=1");
    }

    [Fact]
    public void The_indexer_sets_like_Set()
    {
        var payload = SubmissionPayload.Parse("Custom=1");

        payload["Custom"] = "2";
        payload["Other"] = "3";
        payload["Custom"] = null;

        payload.ToString().Should().Be("Other=3");
    }

    [Fact]
    public void Add_appends_even_a_key_already_present()
    {
        var payload = SubmissionPayload.Parse("SubId1=a");

        payload.Add("SubId1", "b");

        payload.ToString().Should().Be("SubId1=a&SubId1=b");
        payload.GetValues("SubId1").Should().Equal("a", "b");
        payload.SubId1.Should().Be("a");
    }

    [Fact]
    public void Remove_removes_every_occurrence_and_keeps_the_order_of_the_rest()
    {
        var payload = SubmissionPayload.Parse("a=1&x=2&b=3&x=4&c=5");

        payload.Remove("x").Should().BeTrue();
        payload.Remove("x").Should().BeFalse();

        payload.ToString().Should().Be("a=1&b=3&c=5");
        payload["b"].Should().Be("3");
    }

    [Fact]
    public void Keys_stay_findable_after_many_edits()
    {
        var payload = new SubmissionPayload();
        for (int i = 0; i < 500; i++)
        {
            payload.Add("K" + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (int i = 0; i < 500; i += 2)
        {
            payload.Remove("K" + i);
        }

        payload.Count.Should().Be(250);
        payload["K1"].Should().Be("1");
        payload["K499"].Should().Be("499");
        payload["K498"].Should().BeNull();
    }

    [Fact]
    public void Null_keys_and_values_are_caller_errors()
    {
        var payload = new SubmissionPayload();

        payload.Invoking(p => p.Set(null!, "v")).Should().Throw<ArgumentNullException>();
        payload.Invoking(p => p.Add(null!, "v")).Should().Throw<ArgumentNullException>();
        payload.Invoking(p => p.Add("k", null!)).Should().Throw<ArgumentNullException>();
        payload.Invoking(p => p.Remove(null!)).Should().Throw<ArgumentNullException>();
        payload.Invoking(p => _ = p[null!]).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_failed_conversion_corrected_and_formatted_parses_back_to_the_corrected_values()
    {
        var failed = SubmissionPayload.Parse(
            "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24+05:30&ClickId=SKhRQaSXwxyOUQ%253Aw"
            + "&CurrencyCode=USD&ItemSku1=12345&ItemQuantity1=two&ItemPrice1=6,99&ItemSku2=55555&ItemPrice2=1");
        failed.EventDate.Should().BeNull();

        failed.EventDate = new DateTimeOffset(2024, 8, 1, 23, 55, 24, TimeSpan.FromMinutes(330));
        failed.OrderId = "1234567890123";
        failed.Items[0].Quantity = 2;
        failed.Items[0].Price = 6.99m;
        failed.RemoveItem(2);
        var resubmitted = SubmissionPayload.Parse(failed.ToString());

        resubmitted.Pairs().Should().Equal(
            ("CampaignId", "1000"),
            ("EventTypeId", "4000"),
            ("EventDate", "2024-08-01T23:55:24+05:30"),
            ("ClickId", "SKhRQaSXwxyOUQ%3Aw"),
            ("CurrencyCode", "USD"),
            ("ItemSku1", "12345"),
            ("ItemQuantity1", "2"),
            ("ItemPrice1", "6.99"),
            ("OrderId", "1234567890123"));
        resubmitted.EventDate.Should().BeExactly(new DateTimeOffset(2024, 8, 1, 23, 55, 24, TimeSpan.FromMinutes(330)));
        resubmitted.Validate().Should().BeEmpty();
    }
}
