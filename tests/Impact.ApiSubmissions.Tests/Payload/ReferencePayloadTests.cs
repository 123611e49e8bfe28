using System;
using System.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Foundation;
using Newtonsoft.Json;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

public class ReferencePayloadTests
{
    private readonly SubmissionPayload _payload = SubmissionPayload.Parse(Samples.Reference);

    [Fact]
    public void Every_field_is_kept_in_order_with_its_decoded_value()
    {
        _payload.Pairs().Should().Equal(
            ("CampaignId", "1000"),
            ("EventTypeId", "4000"),
            ("EventDate", "2024-08-01T23:55:24-08:00"),
            ("OrderId", "1234567890123"),
            ("ClickId", "SKhRQaSXwxyOUQ%3AwUx0Mo36FUkiXxtxVUQTEzY0"),
            ("CustomerId", "BCZ2WVSH674563PDPYOTM3AXDQ"),
            ("OrderPromoCode", "10OFF-FORGE"),
            ("CustomerStatus", "NEW"),
            ("CustomerPostCode", "93107"),
            ("CurrencyCode", "USD"),
            ("OrderDiscount", "5"),
            ("IpAddress", "12.345.678.90"),
            ("ItemSku1", "12345"),
            ("ItemName1", "Anvil"),
            ("ItemCategory1", "Anvils"),
            ("ItemQuantity1", "2"),
            ("ItemPrice1", "10"),
            ("ItemSku2", "55555"),
            ("ItemName2", "Hammer"),
            ("ItemCategory2", "Hammers"),
            ("ItemQuantity2", "1"),
            ("ItemPrice2", "6.99"));
    }

    [Fact]
    public void The_twice_encoded_click_id_is_decoded_once_as_the_server_did()
    {
        _payload.ClickId.Should().Be("SKhRQaSXwxyOUQ%3AwUx0Mo36FUkiXxtxVUQTEzY0");
        _payload.Fields.Single(f => f.Key == "ClickId").Encoded
            .Should().Be("ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0");
    }

    [Fact]
    public void The_event_fields_are_typed()
    {
        _payload.CampaignId.Should().Be(1000);
        _payload.EventTypeId.Should().Be(4000);
        _payload.ActionTrackerId.Should().BeNull();
        _payload.EventDate.Should().BeExactly(new DateTimeOffset(2024, 8, 1, 23, 55, 24, TimeSpan.FromHours(-8)));
        _payload.OrderId.Should().Be("1234567890123");
    }

    [Fact]
    public void The_customer_and_order_fields_are_typed()
    {
        _payload.CustomerId.Should().Be("BCZ2WVSH674563PDPYOTM3AXDQ");
        _payload.OrderPromoCode.Should().Be("10OFF-FORGE");
        _payload.CustomerStatus.Should().Be("NEW");
        _payload.CustomerPostCode.Should().Be("93107");
        _payload.CurrencyCode.Should().Be("USD");
        _payload.OrderDiscount.Should().Be(5m);
    }

    [Fact]
    public void The_invalid_ip_address_is_kept_as_sent_and_not_reported()
    {
        _payload.IpAddress.Should().Be("12.345.678.90");
        _payload.Validate().Should().BeEmpty();
    }

    [Fact]
    public void The_two_items_are_typed_in_index_order()
    {
        _payload.Items.Select(i => (i.Index, i.Sku, i.Name, i.Category, i.Quantity, i.Price)).Should().Equal(
            (1, "12345", "Anvil", "Anvils", 2, 10m),
            (2, "55555", "Hammer", "Hammers", 1, 6.99m));
    }

    [Fact]
    public void Formatting_gives_back_the_original_text_exactly()
    {
        _payload.ToString().Should().BeSameAs(Samples.Reference);
    }

    [Fact]
    public void No_key_of_the_reference_payload_is_left_unmodeled()
    {
        _payload.AdditionalFields.Should().BeEmpty();
        _payload.Items.Should().AllSatisfy(i => i.AdditionalFields.Should().BeEmpty());
    }

    [Fact]
    public void ApiSubmission_parses_its_own_payload()
    {
        var submission = JsonConvert.DeserializeObject<ApiSubmission>(SpecFile.Fixture("reference-submission.json"))!;

        var payload = submission.ParsePayload();

        payload.Pairs().Should().Equal(_payload.Pairs());
        payload.ToString().Should().Be(submission.Payload);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ApiSubmission_without_a_payload_gives_an_empty_payload(string? text)
    {
        var submission = new ApiSubmission { Payload = text };

        var payload = submission.ParsePayload();

        payload.Count.Should().Be(0);
        payload.Items.Should().BeEmpty();
        payload.ToString().Should().BeEmpty();
    }
}
