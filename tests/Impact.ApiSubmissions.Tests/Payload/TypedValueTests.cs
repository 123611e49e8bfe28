using System;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

/// <summary>Typed readers: a value that converts gives its value; any other gives null and stays readable as text.</summary>
public class TypedValueTests
{
    [Theory]
    [InlineData("1000", 1000)]
    [InlineData("-7", -7)]
    [InlineData("%2B7", 7)]
    [InlineData("007", 7)]
    [InlineData("2147483648", 2147483648L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void An_id_reads_as_a_64_bit_whole_number(string raw, long expected)
    {
        SubmissionPayload.Parse("CampaignId=" + raw).CampaignId.Should().Be(expected);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("10.5")]
    [InlineData("1,000")]
    [InlineData("+7")]
    [InlineData("%207")]
    [InlineData("9223372036854775808")]
    [InlineData("")]
    public void A_value_that_is_not_a_whole_number_reads_as_null_and_its_text_stays_readable(string raw)
    {
        var payload = SubmissionPayload.Parse("CampaignId=" + raw);

        payload.CampaignId.Should().BeNull();
        payload["CampaignId"].Should().Be(Uri.UnescapeDataString(raw.Replace('+', ' ')));
    }

    [Fact]
    public void A_64_bit_number_reads_as_a_long()
    {
        var payload = SubmissionPayload.Parse("OrderId=1234567890123");

        payload.GetInt64("OrderId").Should().Be(1234567890123L);
        payload.GetInt32("OrderId").Should().BeNull();
    }

    [Theory]
    [InlineData("6.99", "6.99")]
    [InlineData("10", "10")]
    [InlineData("-0.5", "-0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("6.90", "6.90")]
    public void A_decimal_reads_with_a_dot_whatever_the_culture(string raw, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var value = SubmissionPayload.Parse("OrderDiscount=" + raw).OrderDiscount;

            value.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
            value!.Value.ToString(CultureInfo.InvariantCulture).Should().Be(expected);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")]
    [InlineData("0.0000000000000000001", "0.0000000000000000001")]
    [InlineData("-.5", "-0.5")]
    [InlineData("5.", "5")]
    [InlineData("%2B5.25", "5.25")]
    public void A_decimal_of_any_length_or_form_that_invariant_culture_reads_is_read(string raw, string expected)
    {
        var value = SubmissionPayload.Parse("Amount=" + raw).Amount;

        value.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
        value!.Value.ToString(CultureInfo.InvariantCulture).Should().Be(expected);
    }

    [Theory]
    [InlineData("6,99")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1,000.00")]
    [InlineData("1e3")]
    [InlineData("USD 5")]
    [InlineData("5 ")]
    public void A_value_that_is_not_a_plain_decimal_reads_as_null(string raw)
    {
        var payload = SubmissionPayload.Parse("OrderDiscount=" + Uri.EscapeDataString(raw));

        payload.OrderDiscount.Should().BeNull();
        payload["OrderDiscount"].Should().Be(raw);
    }

    [Theory]
    [InlineData("2024-08-01T23:55:24-08:00", 2024, 8, 1, 23, 55, 24, 0, -8 * 60)]
    [InlineData("2024-08-01T23:55:24%2B05:30", 2024, 8, 1, 23, 55, 24, 0, 5 * 60 + 30)]
    [InlineData("2024-08-01T23:55:24Z", 2024, 8, 1, 23, 55, 24, 0, 0)]
    [InlineData("2024-08-01T23:55:24.250-0800", 2024, 8, 1, 23, 55, 24, 250, -8 * 60)]
    [InlineData("2024-08-01+23:55-08", 2024, 8, 1, 23, 55, 0, 0, -8 * 60)]
    [InlineData("2024-02-29T00:00:00%2B14:00", 2024, 2, 29, 0, 0, 0, 0, 14 * 60)]
    public void A_date_reads_with_the_offset_it_was_written_with(string raw, int y, int mo, int d, int h, int mi, int s, int ms, int offsetMinutes)
    {
        var value = SubmissionPayload.Parse("EventDate=" + raw).EventDate;

        value.Should().BeExactly(new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.FromMinutes(offsetMinutes)));
    }

    [Fact]
    public void A_fraction_finer_than_a_tick_is_truncated()
    {
        var value = SubmissionPayload.Parse("EventDate=2024-08-01T23:55:24.123456789Z").EventDate;

        value!.Value.Ticks.Should().Be(new DateTime(2024, 8, 1, 23, 55, 24).Ticks + 1234567);
    }

    [Theory]
    [InlineData("2024-08-01T23:55:24")]
    [InlineData("2024-08-01")]
    [InlineData("2024-08-01T23:55:24+05:30")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-08-01T24:00:00Z")]
    [InlineData("2024-08-01T23:55:24-15:00")]
    [InlineData("0001-01-01T00:00:00%2B01:00")]
    [InlineData("08/01/2024 23:55")]
    [InlineData("NOW")]
    [InlineData("")]
    public void A_value_that_is_not_a_date_with_offset_reads_as_null_and_its_text_stays_readable(string raw)
    {
        var payload = SubmissionPayload.Parse("EventDate=" + raw);

        payload.EventDate.Should().BeNull();
        payload["EventDate"].Should().Be(Uri.UnescapeDataString(raw.Replace('+', ' ')));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void A_boolean_reads_as_true_false_1_or_0(string raw, bool expected)
    {
        SubmissionPayload.Parse("GiftPurchase=" + raw).GiftPurchase.Should().Be(expected);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("")]
    public void Any_other_boolean_reads_as_null(string raw)
    {
        var payload = SubmissionPayload.Parse("GiftPurchase=" + raw);

        payload.GiftPurchase.Should().BeNull();
        payload["GiftPurchase"].Should().Be(raw);
    }

    [Fact]
    public void Every_documented_text_key_reads_its_value()
    {
        var payload = SubmissionPayload.Parse(
            "EventTypeCode=ACME_SALE&CustomProfileId=p&CustomClickId=cc&PromoCode=pc&MediaId=10000&UniqueUrl=https://x.example/a"
            + "&CallerId=555&GoogAId=g&AndroidId=a&AppleIfa=ifa&AppleIfv=ifv&SharedId=s&SubId1=s1&SubId2=s2&SubId3=s3"
            + "&CustomerEmail=e&CustomerCity=c&CustomerCountry=US&CustomerRegion=CA&UserAgent=Mozilla%2F5.0+(X11)"
            + "&PaymentType=VISA&DeviceMfr=Acme&DeviceModel=X1&PropertyId=12345&AppPackage=com.acme&AppInstallRef=r&AppVer=1.2"
            + "&LocationId=l1&LocationName=Main+St&LocationType=Store&PhoneNumber=%2B15551234&CountryCode=1"
            + "&TrackingConsent=true&Note=n&DispositionCode=SOLD");

        (payload.EventTypeCode, payload.CustomProfileId, payload.CustomClickId, payload.PromoCode, payload.MediaId, payload.UniqueUrl)
            .Should().Be(("ACME_SALE", "p", "cc", "pc", (long?)10000, "https://x.example/a"));
        (payload.CallerId, payload.GoogAId, payload.AndroidId, payload.AppleIfa, payload.AppleIfv, payload.SharedId)
            .Should().Be(("555", "g", "a", "ifa", "ifv", "s"));
        (payload.SubId1, payload.SubId2, payload.SubId3).Should().Be(("s1", "s2", "s3"));
        (payload.CustomerEmail, payload.CustomerCity, payload.CustomerCountry, payload.CustomerRegion, payload.UserAgent)
            .Should().Be(("e", "c", "US", "CA", "Mozilla/5.0 (X11)"));
        (payload.PaymentType, payload.DeviceMfr, payload.DeviceModel, payload.PropertyId, payload.AppPackage, payload.AppInstallRef, payload.AppVer)
            .Should().Be(("VISA", "Acme", "X1", (long?)12345, "com.acme", "r", "1.2"));
        (payload.LocationId, payload.LocationName, payload.LocationType, payload.PhoneNumber, payload.CountryCode)
            .Should().Be(("l1", "Main St", "Store", "+15551234", "1"));
        (payload.TrackingConsent, payload.Note, payload.DispositionCode).Should().Be(((bool?)true, "n", "SOLD"));
        payload.AdditionalFields.Should().BeEmpty();
    }

    [Fact]
    public void Every_documented_number_key_reads_its_value()
    {
        var payload = SubmissionPayload.Parse(
            "ActionTrackerId=4000&MediaPartnerId=10000&Amount=99.5&OrderSubTotalPostDiscount=90&OrderShipping=4.5"
            + "&OrderTax=8.25&OrderMargin=20&OrderDiscountRate=0.1");

        (payload.ActionTrackerId, payload.MediaPartnerId).Should().Be((4000, 10000));
        (payload.Amount, payload.OrderSubTotalPostDiscount, payload.OrderShipping, payload.OrderTax, payload.OrderMargin, payload.OrderDiscountRate)
            .Should().Be((99.5m, 90m, 4.5m, 8.25m, 20m, 0.1m));
    }

    [Fact]
    public void Custom_slots_read_by_number()
    {
        var payload = SubmissionPayload.Parse("Text1=a&Text50=z&Numeric10=1.5&Money3=2.25&Date1=2024-08-01T00:00:00Z&Numeric1=x");

        payload.GetText(1).Should().Be("a");
        payload.GetText(50).Should().Be("z");
        payload.GetText(2).Should().BeNull();
        payload.GetNumeric(10).Should().Be(1.5m);
        payload.GetNumeric(1).Should().BeNull();
        payload.GetMoney(3).Should().Be(2.25m);
        payload.GetDate(1).Should().BeExactly(new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero));
        payload.AdditionalFields.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_text_slot_outside_1_to_50_is_a_caller_error(int slot)
    {
        var read = () => new SubmissionPayload().GetText(slot);

        read.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("slot");
    }

    [Fact]
    public void Slot_numbers_past_the_documented_range_are_unmodeled_keys()
    {
        var payload = SubmissionPayload.Parse("Text51=a&Money4=1&Numeric11=2&Date11=x&Text01=b");

        payload.AdditionalFields.Select(f => f.Key).Should().Equal("Text51", "Money4", "Numeric11", "Date11", "Text01");
    }

    [Fact]
    public void A_typed_key_reads_its_first_value_when_repeated()
    {
        SubmissionPayload.Parse("CampaignId=abc&CampaignId=1000").CampaignId.Should().BeNull();
        SubmissionPayload.Parse("CampaignId=1000&CampaignId=abc").CampaignId.Should().Be(1000);
    }
}
