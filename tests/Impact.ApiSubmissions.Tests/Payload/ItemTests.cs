using System;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Payload;

public class ItemTests
{
    [Fact]
    public void Items_are_ordered_by_index_wherever_their_keys_stand()
    {
        var payload = SubmissionPayload.Parse(
            "ItemSku2=B&ItemSku1=A&CurrencyCode=USD&ItemPrice2=2.5&ItemPrice1=1.25&ItemQuantity1=3&ItemQuantity2=4");

        payload.Items.Select(i => (i.Index, i.Sku, i.Quantity, i.Price)).Should().Equal((1, "A", 3, 1.25m), (2, "B", 4, 2.5m));
        payload.Items[1].Fields.Select(f => f.Key).Should().Equal("ItemSku2", "ItemPrice2", "ItemQuantity2");
    }

    [Fact]
    public void Item_indexes_may_have_gaps()
    {
        var payload = SubmissionPayload.Parse("ItemSku3=C&ItemSku1=A&ItemQuantity3=1");

        payload.Items.Select(i => (i.Index, i.Sku)).Should().Equal((1, "A"), (3, "C"));
    }

    [Fact]
    public void Every_documented_item_attribute_is_typed()
    {
        var payload = SubmissionPayload.Parse(
            "ItemSku1=S&ItemPromoCode1=P&ItemName1=N&ItemCategory1=C&ItemSubCategory1=SC&ItemMpn1=M&ItemBrand1=B"
            + "&ItemQuantity1=2&ItemPrice1=10.5&ItemSubTotal1=21&ItemDiscount1=1&ItemDiscountRate1=0.05&ItemTotalDiscount1=2"
            + "&ItemDeliveryType1=SHIP&ItemText1_1=t1&ItemText1_50=t50&ItemNumeric1_10=3.5&ItemDate1_2=2024-08-01T10:00:00%2B02:00"
            + "&ItemMoney1_3=7.75");

        var item = payload.Items.Should().ContainSingle().Subject;
        (item.Sku, item.PromoCode, item.Name, item.Category, item.SubCategory, item.Mpn, item.Brand, item.DeliveryType)
            .Should().Be(("S", "P", "N", "C", "SC", "M", "B", "SHIP"));
        (item.Quantity, item.Price, item.SubTotal, item.Discount, item.DiscountRate, item.TotalDiscount)
            .Should().Be((2, 10.5m, 21m, 1m, 0.05m, 2m));
        item.GetText(1).Should().Be("t1");
        item.GetText(50).Should().Be("t50");
        item.GetText(2).Should().BeNull();
        item.GetNumeric(10).Should().Be(3.5m);
        item.GetDate(2).Should().BeExactly(new DateTimeOffset(2024, 8, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        item.GetMoney(3).Should().Be(7.75m);
        item.AdditionalFields.Should().BeEmpty();
        payload.AdditionalFields.Should().BeEmpty();
    }

    [Fact]
    public void A_quantity_or_price_that_does_not_convert_reads_as_null_and_stays_readable()
    {
        var payload = SubmissionPayload.Parse("ItemSku1=A&ItemQuantity1=two&ItemPrice1=6,99");
        var item = payload.Items.Single();

        item.Quantity.Should().BeNull();
        item.Price.Should().BeNull();
        item.Fields.Select(f => (f.Key, f.Value)).Should().Equal(("ItemSku1", "A"), ("ItemQuantity1", "two"), ("ItemPrice1", "6,99"));
        payload["ItemQuantity1"].Should().Be("two");
    }

    [Fact]
    public void A_fractional_quantity_is_not_a_quantity()
    {
        SubmissionPayload.Parse("ItemQuantity1=2.5").Items.Single().Quantity.Should().BeNull();
    }

    [Fact]
    public void Unknown_item_attributes_are_kept_with_their_item_and_in_the_payload()
    {
        var payload = SubmissionPayload.Parse("ItemSku1=A&ItemColor1=red&ItemSku2=B&ItemText2_51=x&ItemSku1_2=odd&ItemWeight2=3kg");

        payload.Items[0].AdditionalFields.Select(f => (f.Key, f.Value)).Should().Equal(("ItemColor1", "red"), ("ItemSku1_2", "odd"));
        payload.Items[1].AdditionalFields.Select(f => (f.Key, f.Value)).Should().Equal(("ItemText2_51", "x"), ("ItemWeight2", "3kg"));
        payload.AdditionalFields.Select(f => f.Key).Should().Equal("ItemColor1", "ItemText2_51", "ItemSku1_2", "ItemWeight2");
    }

    [Theory]
    [InlineData("ItemSku0")]
    [InlineData("ItemSku01")]
    [InlineData("ItemSku")]
    [InlineData("Item1")]
    [InlineData("ItemSku1_")]
    [InlineData("ItemSku1x")]
    [InlineData("itemSku1")]
    [InlineData("ItemSku1234567890")]
    public void A_key_not_shaped_like_an_item_key_belongs_to_no_item(string key)
    {
        var payload = SubmissionPayload.Parse(key + "=v");

        payload.Items.Should().BeEmpty();
        payload.AdditionalFields.Select(f => f.Key).Should().Equal(key);
    }

    [Fact]
    public void A_repeated_item_key_reads_its_first_value()
    {
        SubmissionPayload.Parse("ItemSku1=A&ItemSku1=B").Items.Single().Sku.Should().Be("A");
    }

    [Fact]
    public void Setting_an_item_property_edits_its_key_in_place()
    {
        var payload = SubmissionPayload.Parse(Samples.Reference);

        payload.Items[0].Quantity = 3;
        payload.Items[1].Price = 7.49m;

        payload.ToString().Should().Be(Samples.Reference
            .Replace("ItemQuantity1=2", "ItemQuantity1=3")
            .Replace("ItemPrice2=6.99", "ItemPrice2=7.49"));
    }

    [Fact]
    public void An_item_view_stays_live_across_edits_that_move_its_keys()
    {
        var payload = SubmissionPayload.Parse(Samples.Reference);
        var hammer = payload.Items[1];

        payload.Remove("CampaignId");
        payload.RemoveItem(1);
        hammer.Quantity = 5;

        hammer.Sku.Should().Be("55555");
        hammer.Quantity.Should().Be(5);
        payload.Items.Select(i => i.Index).Should().Equal(2);
    }

    [Fact]
    public void Setting_an_item_property_to_null_removes_its_key()
    {
        var payload = SubmissionPayload.Parse("ItemSku1=A&ItemName1=Anvil&ItemQuantity1=2");

        payload.Items[0].Name = null;
        payload.Items[0].Quantity = null;

        payload.ToString().Should().Be("ItemSku1=A");
    }

    [Fact]
    public void AddItem_adds_the_next_index_after_the_highest()
    {
        var payload = SubmissionPayload.Parse("ItemSku1=A&ItemSku3=C");

        var item = payload.AddItem("D 4");
        item.Quantity = 1;
        item.Price = 9.99m;
        item.SetText(2, "gift wrap");

        item.Index.Should().Be(4);
        payload.ToString().Should().Be("ItemSku1=A&ItemSku3=C&ItemSku4=D+4&ItemQuantity4=1&ItemPrice4=9.99&ItemText4_2=gift+wrap");
    }

    [Fact]
    public void AddItem_on_an_empty_payload_adds_item_1()
    {
        var payload = new SubmissionPayload();

        payload.AddItem("A").Index.Should().Be(1);
        payload.ToString().Should().Be("ItemSku1=A");
    }

    [Fact]
    public void GetItem_of_an_absent_index_is_an_empty_view_that_adds_the_item_when_set()
    {
        var payload = SubmissionPayload.Parse("ItemSku1=A");

        var item = payload.GetItem(7);
        item.Fields.Should().BeEmpty();
        item.Sku.Should().BeNull();

        item.SetDate(1, new DateTimeOffset(2024, 8, 1, 12, 0, 0, TimeSpan.FromHours(-8)));
        item.SetNumeric(1, 2.5m);
        item.SetMoney(1, 3m);

        payload.ToString().Should().Be("ItemSku1=A&ItemDate7_1=2024-08-01T12:00:00-08:00&ItemNumeric7_1=2.5&ItemMoney7_1=3");
        payload.Items.Select(i => i.Index).Should().Equal(1, 7);
    }

    [Fact]
    public void GetItem_below_1_is_a_caller_error()
    {
        var get = () => new SubmissionPayload().GetItem(0);

        get.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("index");
    }

    [Fact]
    public void RemoveItem_removes_every_key_of_the_item_and_keeps_the_other_indexes()
    {
        var payload = SubmissionPayload.Parse(Samples.Reference);

        payload.RemoveItem(1).Should().BeTrue();
        payload.RemoveItem(1).Should().BeFalse();

        payload.Items.Select(i => (i.Index, i.Sku)).Should().Equal((2, "55555"));
        payload.Fields.Should().NotContain(f => f.Key.EndsWith("1", StringComparison.Ordinal) && f.Key.StartsWith("Item", StringComparison.Ordinal));
        payload.Count.Should().Be(17);
    }

    [Fact]
    public void An_item_slot_outside_its_range_is_a_caller_error()
    {
        var item = new SubmissionPayload().GetItem(1);

        item.Invoking(i => i.GetMoney(4)).Should().Throw<ArgumentOutOfRangeException>();
        item.Invoking(i => i.SetNumeric(11, 1m)).Should().Throw<ArgumentOutOfRangeException>();
        item.Invoking(i => i.GetText(0)).Should().Throw<ArgumentOutOfRangeException>();
        item.Invoking(i => i.GetDate(11)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void An_item_describes_itself_with_its_fields()
    {
        SubmissionPayload.Parse(Samples.Reference).Items[1].ToString()
            .Should().Be("Item 2: ItemSku2=55555&ItemName2=Hammer&ItemCategory2=Hammers&ItemQuantity2=1&ItemPrice2=6.99");
    }

    [Fact]
    public void A_thousand_items_are_all_read()
    {
        string text = "CurrencyCode=USD&" + string.Join("&", Enumerable.Range(1, 1000).Select(i => $"ItemSku{i}=S{i}&ItemQuantity{i}={i}&ItemPrice{i}=1.5"));

        var items = SubmissionPayload.Parse(text).Items;

        items.Should().HaveCount(1000);
        items.Sum(i => i.Quantity!.Value).Should().Be(500_500);
        items[999].Sku.Should().Be("S1000");
    }
}
