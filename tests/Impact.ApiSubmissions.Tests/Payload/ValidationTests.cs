using System.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

public class ValidationTests
{
    // The keys impact.com requires on a conversion: the required ones, an event type and an attribution key.
    private const string Rules = "CampaignId=1000&EventTypeId=4000&ClickId=abc&";

    private const string Valid = Rules + "OrderId=1&EventDate=2024-08-01T23:55:24-08:00&CurrencyCode=USD";

    private static PayloadProblem Single(string text) =>
        SubmissionPayload.Parse(text).Validate().Should().ContainSingle().Subject;

    [Fact]
    public void A_valid_conversion_has_no_problem()
    {
        SubmissionPayload.Parse(Valid + "&ItemSku1=A&ItemQuantity1=2&ItemPrice1=6.99&GiftPurchase=true&Date1=2024-01-01T00:00:00Z")
            .Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_quantity_that_is_not_a_whole_number_is_reported()
    {
        var problem = Single(Valid + "&ItemSku1=A&ItemQuantity1=two&ItemPrice1=1");

        (problem.Kind, problem.Key, problem.ItemIndex).Should().Be((PayloadProblemKind.InvalidNumber, "ItemQuantity1", 1));
        problem.Message.Should().Be("ItemQuantity1 is \"two\", which is not a whole number.");
    }

    [Fact]
    public void A_price_with_a_decimal_comma_is_reported()
    {
        var problem = Single(Valid + "&ItemSku2=A&ItemPrice2=6,99");

        (problem.Kind, problem.Key, problem.ItemIndex).Should().Be((PayloadProblemKind.InvalidNumber, "ItemPrice2", 2));
        problem.Message.Should().Be(
            "ItemPrice2 is \"6,99\", which is not a number (write digits with '.' as the decimal separator, no thousands separator).");
    }

    [Theory]
    [InlineData("MediaPartnerId=x")]
    [InlineData("OrderDiscount=five")]
    [InlineData("Numeric3=1e3")]
    [InlineData("Money1=$5")]
    public void Any_documented_number_that_does_not_convert_is_reported(string field)
    {
        var problem = Single(Valid + "&" + field);

        problem.Kind.Should().Be(PayloadProblemKind.InvalidNumber);
        problem.Key.Should().Be(field.Split('=')[0]);
        problem.ItemIndex.Should().BeNull();
    }

    [Fact]
    public void An_id_past_32_bits_is_valid_but_a_quantity_past_32_bits_is_not()
    {
        var problem = Single(Valid + "&MediaPartnerId=2147483648&ItemSku1=A&ItemQuantity1=2147483648&ItemPrice1=1");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.InvalidNumber, "ItemQuantity1"));
    }

    [Fact]
    public void An_empty_number_counts_as_absent_not_as_a_bad_value()
    {
        SubmissionPayload.Parse(Valid + "&MediaPartnerId=&ItemSku1=A&ItemQuantity1=&ItemPrice1=1").Validate().Should().BeEmpty();
    }

    [Theory]
    [InlineData(Rules + "OrderId=1&CurrencyCode=USD", "EventDate", "EventDate is required on a conversion and is missing.")]
    [InlineData(Rules + "OrderId=1&EventDate=&CurrencyCode=USD", "EventDate", "EventDate is required on a conversion and is empty.")]
    [InlineData(Rules + "EventDate=2024-08-01T23:55:24Z", "OrderId", "OrderId is required on a conversion and is missing.")]
    public void A_conversion_without_order_id_or_event_date_is_reported(string text, string key, string message)
    {
        var problem = Single(text);

        (problem.Kind, problem.Key, problem.Message).Should().Be((PayloadProblemKind.MissingRequiredKey, key, message));
    }

    [Theory]
    [InlineData("Modification")]
    [InlineData("Reversal")]
    public void Other_submission_types_do_not_need_order_id_or_event_date(string type)
    {
        SubmissionPayload.Parse("ActionId=1000.4000.12&Amount=5&CurrencyCode=USD")
            .Validate(new SubmissionType(type)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_for_a_conversion_type_holds_it_to_the_required_keys_and_one_of_groups()
    {
        SubmissionPayload.Parse("CampaignId=1").Validate(SubmissionType.Conversion).Select(p => (p.Kind, p.Key))
            .Should().Equal(
                (PayloadProblemKind.MissingRequiredKey, "EventDate"),
                (PayloadProblemKind.MissingRequiredKey, "OrderId"),
                (PayloadProblemKind.MissingOneOf, "ActionTrackerId"),
                (PayloadProblemKind.MissingOneOf, "ClickId"));
    }

    [Theory]
    [InlineData("EventTypeId=4000&", "ClickId", "A conversion needs one attribution key (ClickId, CustomerId, CustomProfileId, CustomClickId, PromoCode, MediaId, MediaPartnerId, UniqueUrl, CallerId, GoogAId, AndroidId, AppleIfa, AppleIfv) and has none.")]
    [InlineData("PromoCode=SUMMER&", "ActionTrackerId", "A conversion needs one event type key (ActionTrackerId, EventTypeId, EventTypeCode) and has none.")]
    public void A_conversion_without_an_event_type_or_an_attribution_key_is_reported(string keys, string key, string message)
    {
        var problem = Single("CampaignId=1000&" + keys + "OrderId=1&EventDate=2024-08-01T23:55:24Z");

        (problem.Kind, problem.Key, problem.Message).Should().Be((PayloadProblemKind.MissingOneOf, key, message));
    }

    [Theory]
    [InlineData("EventTypeCode=SALE&MediaId=77&")]
    [InlineData("ActionTrackerId=1&EventTypeId=2&CustomerId=c&AppleIfa=x&")]
    public void Any_key_of_each_group_satisfies_it(string keys)
    {
        SubmissionPayload.Parse("CampaignId=1000&" + keys + "OrderId=1&EventDate=2024-08-01T23:55:24Z").Validate().Should().BeEmpty();
    }

    [Fact]
    public void An_item_needs_exactly_one_of_price_and_subtotal()
    {
        var problems = SubmissionPayload.Parse(Valid + "&ItemSku1=A&ItemPrice1=1&ItemSku2=B&ItemSku3=C&ItemSubTotal3=2&ItemPrice3=1").Validate();

        problems.Select(p => (p.Kind, p.Key, p.ItemIndex, p.Message)).Should().Equal(
            (PayloadProblemKind.MissingOneOf, "ItemPrice2", 2, "Item 2 needs one of ItemPrice2 or ItemSubTotal2 (item price) and has none."),
            (PayloadProblemKind.ConflictingKeys, "ItemSubTotal3", 3, "Item 3 has both ItemPrice3 and ItemSubTotal3; send exactly one (item price)."));
    }

    [Fact]
    public void An_item_without_sku_is_reported()
    {
        var problems = SubmissionPayload.Parse(Valid + "&ItemSku1=A&ItemPrice1=1&ItemName3=Hammer&ItemQuantity3=1&ItemPrice3=1&ItemSku4=&ItemPrice4=1").Validate();
        problems.Select(p => (p.Kind, p.Key, p.ItemIndex)).Should().Equal(
            (PayloadProblemKind.ItemWithoutSku, "ItemName3", 3),
            (PayloadProblemKind.ItemWithoutSku, "ItemSku4", 4));
        problems[0].Message.Should().Be("Item 3 has no ItemSku3 (its first key is ItemName3).");
    }

    [Fact]
    public void Money_without_currency_code_is_reported_once_at_the_first_money_key()
    {
        var problem = Single(Rules + "OrderId=1&EventDate=2024-08-01T23:55:24Z&ItemSku1=A&ItemQuantity1=2&ItemPrice1=10&OrderDiscount=5");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.MoneyWithoutCurrency, "ItemPrice1"));
        problem.Message.Should().Be("ItemPrice1 is a money value, but the payload has no CurrencyCode to say which currency it is in.");
    }

    [Theory]
    [InlineData("Modification")]
    [InlineData("Reversal")]
    public void A_modification_or_reversal_with_item_prices_needs_no_currency_code(string type)
    {
        // As the demo's modifications are sent: the action keeps the currency it was converted in.
        var payload = SubmissionPayload.Parse("CampaignId=1001&ActionTrackerId=4100&ActionId=1001.4100.2688157&OrderId=5707298279085&Reason=PARTIAL_RETURN&ItemSku1=70001&ItemQuantity1=1&ItemPrice1=39.9");

        payload.Validate(new SubmissionType(type)).Should().BeEmpty();
        payload.Validate(SubmissionType.Conversion).Select(p => p.Kind).Should().Contain(PayloadProblemKind.MoneyWithoutCurrency);
    }

    [Fact]
    public void Numbers_that_are_not_money_need_no_currency_code()
    {
        SubmissionPayload.Parse(Rules + "OrderId=1&EventDate=2024-08-01T23:55:24Z&OrderDiscountRate=0.1&Numeric1=3")
            .Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_date_without_offset_is_reported()
    {
        var problem = Single(Rules + "OrderId=1&EventDate=2024-08-01T23:55:24");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.DateWithoutOffset, "EventDate"));
        problem.Message.Should().Be(
            "EventDate is \"2024-08-01T23:55:24\", which has no UTC offset; add Z or one such as -08:00 (written %2B for a '+').");
    }

    [Fact]
    public void An_item_date_without_offset_is_reported_with_its_item()
    {
        var problem = Single(Valid + "&ItemSku1=A&ItemPrice1=1&ItemDate1_2=2024-08-01");

        (problem.Kind, problem.Key, problem.ItemIndex).Should().Be((PayloadProblemKind.DateWithoutOffset, "ItemDate1_2", 1));
    }

    [Fact]
    public void An_offset_whose_plus_was_sent_unescaped_is_reported_with_the_reason()
    {
        var problem = Single(Rules + "OrderId=1&EventDate=2024-08-01T23:55:24+05:30");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.InvalidDate, "EventDate"));
        problem.Message.Should().Be(
            "EventDate is \"2024-08-01T23:55:24 05:30\", which is not an ISO 8601 date and time such as 2024-08-01T23:55:24-08:00."
            + " A '+' sent unescaped decodes to a space: write the offset's '+' as %2B.");
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_reported()
    {
        var problem = Single(Rules + "OrderId=1&EventDate=yesterday");

        (problem.Kind, problem.Message).Should().Be((
            PayloadProblemKind.InvalidDate,
            "EventDate is \"yesterday\", which is not an ISO 8601 date and time such as 2024-08-01T23:55:24-08:00."));
    }

    [Fact]
    public void A_boolean_that_is_not_a_boolean_is_reported()
    {
        var problem = Single(Valid + "&GiftPurchase=maybe");

        (problem.Kind, problem.Key, problem.Message).Should().Be((
            PayloadProblemKind.InvalidBoolean, "GiftPurchase", "GiftPurchase is \"maybe\", which is not true, false, 1 or 0."));
    }

    [Fact]
    public void A_repeated_key_is_reported_once_with_its_count()
    {
        var problem = Single(Valid + "&SubId1=a&SubId1=b&SubId1=c");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.DuplicateKey, "SubId1"));
        problem.Message.Should().Be("SubId1 occurs 3 times; readers by name see only the first value, \"a\".");
    }

    [Fact]
    public void An_empty_key_is_reported()
    {
        var problem = Single(Valid + "&=orphan");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.EmptyKey, ""));
        problem.Message.Should().Be("A field has an empty key (value \"orphan\"); nothing can read it by a documented name.");
    }

    [Fact]
    public void A_malformed_escape_is_reported()
    {
        var problem = Single(Valid + "&OrderPromoCode=50%OFF");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.MalformedEscape, "OrderPromoCode"));
        problem.Message.Should().Be("OrderPromoCode contains a '%' that does not start a %XX escape; it was read literally as \"50%OFF\".");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported()
    {
        var problem = Single(Valid + "&CustomerCity=Z%FCrich");

        (problem.Kind, problem.Key).Should().Be((PayloadProblemKind.InvalidUtf8, "CustomerCity"));
        problem.Message.Should().Be(
            "CustomerCity contains escaped bytes that are not UTF-8 (perhaps another character set); they were read as U+FFFD: \"Z\uFFFDrich\".");
    }

    [Fact]
    public void Unmodeled_keys_are_not_judged()
    {
        SubmissionPayload.Parse(Valid + "&MyQuantity=two&ItemColor1=&ActionId=x").Validate()
            .Select(p => p.Kind).Should().Equal(PayloadProblemKind.MissingOneOf, PayloadProblemKind.ItemWithoutSku);
    }

    [Fact]
    public void Several_problems_are_listed_fields_first_in_payload_order()
    {
        var problems = SubmissionPayload.Parse(Rules + "ItemQuantity1=two&ItemPrice1=6,99&EventDate=2024-08-01&OrderId=1&OrderId=2").Validate();

        problems.Select(p => p.ToString()).Should().Equal(
            "InvalidNumber: ItemQuantity1 is \"two\", which is not a whole number.",
            "InvalidNumber: ItemPrice1 is \"6,99\", which is not a number (write digits with '.' as the decimal separator, no thousands separator).",
            "DateWithoutOffset: EventDate is \"2024-08-01\", which has no UTC offset; add Z or one such as -08:00 (written %2B for a '+').",
            "DuplicateKey: OrderId occurs 2 times; readers by name see only the first value, \"1\".",
            "ItemWithoutSku: Item 1 has no ItemSku1 (its first key is ItemQuantity1).",
            "MoneyWithoutCurrency: ItemPrice1 is a money value, but the payload has no CurrencyCode to say which currency it is in.");
    }
}
