using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>
/// One item of a <see cref="SubmissionPayload"/>: a live view of the keys that end in its <see cref="Index"/>
/// (<c>ItemSku{i}</c>, <c>ItemQuantity{i}</c>, ... <c>ItemMoney{i}_{k}</c>). Reading never throws; setting a property
/// sets or removes its key in the payload.
/// </summary>
/// <remarks>
/// Each typed property returns null when its key is absent or its value does not convert, while the text stays
/// readable through <see cref="Fields"/> or the payload's indexer. Setting null removes the key.
/// </remarks>
public sealed class PayloadItem
{
    private readonly SubmissionPayload _payload;

    internal PayloadItem(SubmissionPayload payload, int index)
    {
        _payload = payload;
        Index = index;
    }

    /// <summary>The item's index as written in its keys: 1 for <c>ItemSku1</c>. Indexes may have gaps.</summary>
    public int Index { get; }

    /// <summary><c>ItemSku{i}</c>: the item's stock-keeping unit.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? Sku
    {
        get => GetString(PayloadItemAttribute.Sku);
        set => SetString(PayloadItemAttribute.Sku, value);
    }

    /// <summary><c>ItemPromoCode{i}</c>: the promo code applied to the item.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? PromoCode
    {
        get => GetString(PayloadItemAttribute.PromoCode);
        set => SetString(PayloadItemAttribute.PromoCode, value);
    }

    /// <summary><c>ItemName{i}</c>: the item's name.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? Name
    {
        get => GetString(PayloadItemAttribute.Name);
        set => SetString(PayloadItemAttribute.Name, value);
    }

    /// <summary><c>ItemCategory{i}</c>: the item's category.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? Category
    {
        get => GetString(PayloadItemAttribute.Category);
        set => SetString(PayloadItemAttribute.Category, value);
    }

    /// <summary><c>ItemSubCategory{i}</c>: the item's sub-category.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? SubCategory
    {
        get => GetString(PayloadItemAttribute.SubCategory);
        set => SetString(PayloadItemAttribute.SubCategory, value);
    }

    /// <summary><c>ItemMpn{i}</c>: the manufacturer part number.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? Mpn
    {
        get => GetString(PayloadItemAttribute.Mpn);
        set => SetString(PayloadItemAttribute.Mpn, value);
    }

    /// <summary><c>ItemBrand{i}</c>: the item's brand.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? Brand
    {
        get => GetString(PayloadItemAttribute.Brand);
        set => SetString(PayloadItemAttribute.Brand, value);
    }

    /// <summary><c>ItemQuantity{i}</c>: how many units were ordered.</summary>
    /// <value>The whole number; null when absent, empty or not a whole number (<c>2.5</c>, <c>two</c>). Setting null removes the key.</value>
    public int? Quantity
    {
        get
        {
            int entry = Find(PayloadItemAttribute.Quantity);
            return entry >= 0 && _payload.TryReadInt32(entry, out int value) ? value : null;
        }

        set => _payload.SetOrRemove(Key(PayloadItemAttribute.Quantity), value);
    }

    /// <summary><c>ItemPrice{i}</c>: the price of one unit, in the payload's <see cref="SubmissionPayload.CurrencyCode"/>.</summary>
    /// <value>The number, read with '.' as the separator; null when absent, empty or not a number. Setting null removes the key.</value>
    public decimal? Price
    {
        get => GetDecimal(PayloadItemAttribute.Price);
        set => SetDecimal(PayloadItemAttribute.Price, value);
    }

    /// <summary><c>ItemSubTotal{i}</c>: the item line's subtotal, in the payload's currency.</summary>
    /// <value>The number, read with '.' as the separator; null when absent, empty or not a number. Setting null removes the key.</value>
    public decimal? SubTotal
    {
        get => GetDecimal(PayloadItemAttribute.SubTotal);
        set => SetDecimal(PayloadItemAttribute.SubTotal, value);
    }

    /// <summary><c>ItemDiscount{i}</c>: the discount on the item, in the payload's currency.</summary>
    /// <value>The number, read with '.' as the separator; null when absent, empty or not a number. Setting null removes the key.</value>
    public decimal? Discount
    {
        get => GetDecimal(PayloadItemAttribute.Discount);
        set => SetDecimal(PayloadItemAttribute.Discount, value);
    }

    /// <summary><c>ItemDiscountRate{i}</c>: the discount on the item, as a rate.</summary>
    /// <value>The number, read with '.' as the separator; null when absent, empty or not a number. Setting null removes the key.</value>
    public decimal? DiscountRate
    {
        get => GetDecimal(PayloadItemAttribute.DiscountRate);
        set => SetDecimal(PayloadItemAttribute.DiscountRate, value);
    }

    /// <summary><c>ItemTotalDiscount{i}</c>: the total discount on the item line, in the payload's currency.</summary>
    /// <value>The number, read with '.' as the separator; null when absent, empty or not a number. Setting null removes the key.</value>
    public decimal? TotalDiscount
    {
        get => GetDecimal(PayloadItemAttribute.TotalDiscount);
        set => SetDecimal(PayloadItemAttribute.TotalDiscount, value);
    }

    /// <summary><c>ItemDeliveryType{i}</c>: how the item is delivered.</summary>
    /// <value>The value decoded once; null when absent. Setting null removes the key.</value>
    public string? DeliveryType
    {
        get => GetString(PayloadItemAttribute.DeliveryType);
        set => SetString(PayloadItemAttribute.DeliveryType, value);
    }

    /// <summary>
    /// Every field of the item, in payload order, including <see cref="AdditionalFields"/>: a snapshot.
    /// </summary>
    public IReadOnlyList<PayloadField> Fields => _payload.ItemFields(Index, unknownOnly: false);

    /// <summary>
    /// The item's fields the SDK does not model (e.g. <c>ItemColor1</c>, or <c>ItemText1_51</c> past the last slot),
    /// in payload order: a snapshot.
    /// </summary>
    public IReadOnlyList<PayloadField> AdditionalFields => _payload.ItemFields(Index, unknownOnly: true);

    /// <summary>Reads the item's custom text slot <c>ItemText{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 50.</param>
    /// <returns>The value decoded once; null when absent.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 50.</exception>
    public string? GetText(int slot) => GetString(PayloadItemAttribute.Text, CheckSlot(PayloadItemAttribute.Text, slot));

    /// <summary>Sets or removes the item's custom text slot <c>ItemText{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 50.</param>
    /// <param name="value">The value, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 50.</exception>
    public void SetText(int slot, string? value) => SetString(PayloadItemAttribute.Text, value, CheckSlot(PayloadItemAttribute.Text, slot));

    /// <summary>Reads the item's custom number slot <c>ItemNumeric{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <returns>The number, read with '.' as the separator; null when absent or not a number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public decimal? GetNumeric(int slot) => GetDecimal(PayloadItemAttribute.Numeric, CheckSlot(PayloadItemAttribute.Numeric, slot));

    /// <summary>Sets or removes the item's custom number slot <c>ItemNumeric{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <param name="value">The number, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public void SetNumeric(int slot, decimal? value) => SetDecimal(PayloadItemAttribute.Numeric, value, CheckSlot(PayloadItemAttribute.Numeric, slot));

    /// <summary>Reads the item's custom money slot <c>ItemMoney{i}_{slot}</c>, in the payload's currency.</summary>
    /// <param name="slot">The slot number, 1 to 3.</param>
    /// <returns>The amount, read with '.' as the separator; null when absent or not a number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 3.</exception>
    public decimal? GetMoney(int slot) => GetDecimal(PayloadItemAttribute.Money, CheckSlot(PayloadItemAttribute.Money, slot));

    /// <summary>Sets or removes the item's custom money slot <c>ItemMoney{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 3.</param>
    /// <param name="value">The amount, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 3.</exception>
    public void SetMoney(int slot, decimal? value) => SetDecimal(PayloadItemAttribute.Money, value, CheckSlot(PayloadItemAttribute.Money, slot));

    /// <summary>Reads the item's custom date slot <c>ItemDate{i}_{slot}</c> (see <see cref="SubmissionPayload.GetDateTimeOffset"/>).</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <returns>The date and time with its offset; null when absent, not a date, or without an offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public DateTimeOffset? GetDate(int slot)
    {
        int entry = Find(PayloadItemAttribute.Date, CheckSlot(PayloadItemAttribute.Date, slot));
        return entry >= 0 && _payload.TryReadDateTimeOffset(entry, out DateTimeOffset value) ? value : null;
    }

    /// <summary>Sets or removes the item's custom date slot <c>ItemDate{i}_{slot}</c>, written in ISO 8601 with its offset.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <param name="value">The date and time, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public void SetDate(int slot, DateTimeOffset? value) =>
        _payload.SetOrRemove(Key(PayloadItemAttribute.Date, CheckSlot(PayloadItemAttribute.Date, slot)), value);

    /// <summary>A short description for debugging, e.g. <c>Item 1: ItemSku1=12345&amp;ItemQuantity1=2</c>.</summary>
    /// <returns>The index and the item's fields as written.</returns>
    public override string ToString() => $"Item {Index}: {string.Join("&", Fields)}";

    private static int CheckSlot(PayloadItemAttribute attribute, int slot)
    {
        int slots = PayloadItemKey.SlotCount(attribute);
        if (slot < 1 || slot > slots)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"The slot must be 1 to {slots}.");
        }

        return slot;
    }

    private int Find(PayloadItemAttribute attribute, int slot = 0) => _payload.FindItemField(Index, attribute, slot);

    private string Key(PayloadItemAttribute attribute, int slot = 0) => PayloadItemKey.Format(attribute, Index, slot);

    private string? GetString(PayloadItemAttribute attribute, int slot = 0)
    {
        int entry = Find(attribute, slot);
        return entry < 0 ? null : _payload.ValueAt(entry);
    }

    private void SetString(PayloadItemAttribute attribute, string? value, int slot = 0) => _payload.Set(Key(attribute, slot), value);

    private decimal? GetDecimal(PayloadItemAttribute attribute, int slot = 0)
    {
        int entry = Find(attribute, slot);
        return entry >= 0 && _payload.TryReadDecimal(entry, out decimal value) ? value : null;
    }

    private void SetDecimal(PayloadItemAttribute attribute, decimal? value, int slot = 0) => _payload.SetOrRemove(Key(attribute, slot), value);
}
