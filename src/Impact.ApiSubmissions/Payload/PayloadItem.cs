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
public sealed partial class PayloadItem
{
    private readonly SubmissionPayload _payload;

    internal PayloadItem(SubmissionPayload payload, int index)
    {
        _payload = payload;
        Index = index;
    }

    /// <summary>The item's index as written in its keys: 1 for <c>ItemSku1</c>. Indexes may have gaps.</summary>
    public int Index { get; }

    // The typed properties (Sku, Quantity, Price, ...) are generated from the spec's conversion schema.

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
    public string? GetText(int slot) => Read(PayloadItemAttributes.TextSlots, CheckSlot(PayloadItemAttributes.TextSlots, slot));

    /// <summary>Sets or removes the item's custom text slot <c>ItemText{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 50.</param>
    /// <param name="value">The value, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 50.</exception>
    public void SetText(int slot, string? value) => Write(PayloadItemAttributes.TextSlots, value, CheckSlot(PayloadItemAttributes.TextSlots, slot));

    /// <summary>Reads the item's custom number slot <c>ItemNumeric{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <returns>The number, read with '.' as the separator; null when absent or not a number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public decimal? GetNumeric(int slot) => Read(PayloadItemAttributes.NumericSlots, CheckSlot(PayloadItemAttributes.NumericSlots, slot));

    /// <summary>Sets or removes the item's custom number slot <c>ItemNumeric{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <param name="value">The number, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public void SetNumeric(int slot, decimal? value) => Write(PayloadItemAttributes.NumericSlots, value, CheckSlot(PayloadItemAttributes.NumericSlots, slot));

    /// <summary>Reads the item's custom money slot <c>ItemMoney{i}_{slot}</c>, in the payload's currency.</summary>
    /// <param name="slot">The slot number, 1 to 3.</param>
    /// <returns>The amount, read with '.' as the separator; null when absent or not a number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 3.</exception>
    public decimal? GetMoney(int slot) => Read(PayloadItemAttributes.MoneySlots, CheckSlot(PayloadItemAttributes.MoneySlots, slot));

    /// <summary>Sets or removes the item's custom money slot <c>ItemMoney{i}_{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 3.</param>
    /// <param name="value">The amount, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 3.</exception>
    public void SetMoney(int slot, decimal? value) => Write(PayloadItemAttributes.MoneySlots, value, CheckSlot(PayloadItemAttributes.MoneySlots, slot));

    /// <summary>Reads the item's custom date slot <c>ItemDate{i}_{slot}</c> (see <see cref="SubmissionPayload.GetDateTimeOffset"/>).</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <returns>The date and time with its offset; null when absent, not a date, or without an offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public DateTimeOffset? GetDate(int slot) => Read(PayloadItemAttributes.DateSlots, CheckSlot(PayloadItemAttributes.DateSlots, slot));

    /// <summary>Sets or removes the item's custom date slot <c>ItemDate{i}_{slot}</c>, written in ISO 8601 with its offset.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <param name="value">The date and time, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public void SetDate(int slot, DateTimeOffset? value) => Write(PayloadItemAttributes.DateSlots, value, CheckSlot(PayloadItemAttributes.DateSlots, slot));

    /// <summary>A short description for debugging, e.g. <c>Item 1: ItemSku1=12345&amp;ItemQuantity1=2</c>.</summary>
    /// <returns>The index and the item's fields as written.</returns>
    public override string ToString() => $"Item {Index}: {string.Join("&", Fields)}";

    private static int CheckSlot(PayloadItemAttribute attribute, int slot)
    {
        if (slot < 1 || slot > attribute.Slots)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"The slot must be 1 to {attribute.Slots}.");
        }

        return slot;
    }

    private int Find(PayloadItemAttribute attribute, int slot) => _payload.FindItemField(Index, attribute, slot);

    private string Key(PayloadItemAttribute attribute, int slot) => PayloadItemKey.Format(attribute, Index, slot);

    // Reading and writing a declared attribute: the overload is chosen by the declaration's type.
    private string? Read(PayloadItemAttribute<string> attribute, int slot = 0)
    {
        int entry = Find(attribute, slot);
        return entry < 0 ? null : _payload.ValueAt(entry);
    }

    private int? Read(PayloadItemAttribute<int> attribute, int slot = 0)
    {
        int entry = Find(attribute, slot);
        return entry >= 0 && _payload.TryReadInt32(entry, out int value) ? value : null;
    }

    private decimal? Read(PayloadItemAttribute<decimal> attribute, int slot = 0)
    {
        int entry = Find(attribute, slot);
        return entry >= 0 && _payload.TryReadDecimal(entry, out decimal value) ? value : null;
    }

    private DateTimeOffset? Read(PayloadItemAttribute<DateTimeOffset> attribute, int slot = 0)
    {
        int entry = Find(attribute, slot);
        return entry >= 0 && _payload.TryReadDateTimeOffset(entry, out DateTimeOffset value) ? value : null;
    }

    private void Write(PayloadItemAttribute<string> attribute, string? value, int slot = 0) => _payload.Set(Key(attribute, slot), value);

    private void Write(PayloadItemAttribute<int> attribute, int? value, int slot = 0) => _payload.SetOrRemove(Key(attribute, slot), value);

    private void Write(PayloadItemAttribute<decimal> attribute, decimal? value, int slot = 0) => _payload.SetOrRemove(Key(attribute, slot), value);

    private void Write(PayloadItemAttribute<DateTimeOffset> attribute, DateTimeOffset? value, int slot = 0) => _payload.SetOrRemove(Key(attribute, slot), value);
}
