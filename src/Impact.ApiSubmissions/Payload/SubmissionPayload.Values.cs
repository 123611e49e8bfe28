using System;

namespace Impact.ApiSubmissions;

// Typed reading of any key, and the custom slots Text1-50, Numeric1-10, Money1-3 and Date1-10.
public sealed partial class SubmissionPayload
{
    /// <summary>Reads the first value of a key as a whole number in invariant culture (an optional sign, then digits).</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>The number; null when the key is absent, the value empty, not a whole number or out of range. Never throws for any value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public int? GetInt32(string key)
    {
        int index = IndexOf(key);
        return index >= 0 && TryReadInt32(index, out int value) ? value : null;
    }

    /// <summary>Reads the first value of a key as a 64-bit whole number in invariant culture (an optional sign, then digits).</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>The number; null when the key is absent, the value empty, not a whole number or out of range. Never throws for any value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public long? GetInt64(string key)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        return PayloadValues.TryParseInt64(ValueAt(index), out long value) ? value : null;
    }

    /// <summary>Reads the first value of a key as a decimal number with '.' as the separator, whatever the culture.</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>
    /// The number, with the scale it was written with (<c>6.90</c> keeps two decimals); null when the key is absent,
    /// the value empty or not a plain number (no thousands separators, no exponent). Never throws for any value.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public decimal? GetDecimal(string key)
    {
        int index = IndexOf(key);
        return index >= 0 && TryReadDecimal(index, out decimal value) ? value : null;
    }

    /// <summary>
    /// Reads the first value of a key as an ISO 8601 date and time with its UTC offset: <c>yyyy-MM-ddTHH:mm</c>,
    /// optional seconds and fraction, then <c>Z</c> or <c>±HH:mm</c> (also <c>±HHmm</c>, <c>±HH</c>; a space may stand for the <c>T</c>).
    /// </summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>
    /// The date and time with the offset it was written with; null when the key is absent or the value is not such a
    /// date, including a date without an offset, which would otherwise depend on this machine's time zone.
    /// Never throws for any value.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public DateTimeOffset? GetDateTimeOffset(string key)
    {
        int index = IndexOf(key);
        return index >= 0 && TryReadDateTimeOffset(index, out DateTimeOffset value) ? value : null;
    }

    /// <summary>Reads the first value of a key as a boolean: <c>true</c> or <c>1</c>, <c>false</c> or <c>0</c>, in any case.</summary>
    /// <param name="key">The decoded key, case-sensitive.</param>
    /// <returns>The boolean; null when the key is absent or the value is anything else. Never throws for any value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool? GetBoolean(string key)
    {
        int index = IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        return PayloadValues.TryParseBoolean(ValueAt(index), out bool value) ? value : null;
    }

    /// <summary>Reads the custom text slot <c>Text{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 50.</param>
    /// <returns>The value decoded once; null when the key is absent.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 50.</exception>
    public string? GetText(int slot) => Read(PayloadKeys.Slot(PayloadKeys.TextSlots, slot));

    /// <summary>Sets or removes the custom text slot <c>Text{slot}</c> (see <see cref="Set(string, string)"/>).</summary>
    /// <param name="slot">The slot number, 1 to 50.</param>
    /// <param name="value">The value, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 50.</exception>
    public void SetText(int slot, string? value) => Write(PayloadKeys.Slot(PayloadKeys.TextSlots, slot), value);

    /// <summary>Reads the custom number slot <c>Numeric{slot}</c> as a decimal (see <see cref="GetDecimal"/>).</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <returns>The number; null when absent or not a number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public decimal? GetNumeric(int slot) => Read(PayloadKeys.Slot(PayloadKeys.NumericSlots, slot));

    /// <summary>Sets or removes the custom number slot <c>Numeric{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <param name="value">The number, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public void SetNumeric(int slot, decimal? value) => Write(PayloadKeys.Slot(PayloadKeys.NumericSlots, slot), value);

    /// <summary>Reads the custom money slot <c>Money{slot}</c>, in the payload's <see cref="CurrencyCode"/> (see <see cref="GetDecimal"/>).</summary>
    /// <param name="slot">The slot number, 1 to 3.</param>
    /// <returns>The amount; null when absent or not a number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 3.</exception>
    public decimal? GetMoney(int slot) => Read(PayloadKeys.Slot(PayloadKeys.MoneySlots, slot));

    /// <summary>Sets or removes the custom money slot <c>Money{slot}</c>.</summary>
    /// <param name="slot">The slot number, 1 to 3.</param>
    /// <param name="value">The amount, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 3.</exception>
    public void SetMoney(int slot, decimal? value) => Write(PayloadKeys.Slot(PayloadKeys.MoneySlots, slot), value);

    /// <summary>Reads the custom date slot <c>Date{slot}</c> (see <see cref="GetDateTimeOffset"/>).</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <returns>The date and time with its offset; null when absent, not a date, or without an offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public DateTimeOffset? GetDate(int slot) => Read(PayloadKeys.Slot(PayloadKeys.DateSlots, slot));

    /// <summary>Sets or removes the custom date slot <c>Date{slot}</c>, written in ISO 8601 with its offset.</summary>
    /// <param name="slot">The slot number, 1 to 10.</param>
    /// <param name="value">The date and time, or null to remove the key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is not 1 to 10.</exception>
    public void SetDate(int slot, DateTimeOffset? value) => Write(PayloadKeys.Slot(PayloadKeys.DateSlots, slot), value);

    internal bool TryReadInt32(int index, out int value) => PayloadValues.TryParseInt32(ValueAt(index), out value);

    internal bool TryReadDecimal(int index, out decimal value) => PayloadValues.TryParseDecimal(ValueAt(index), out value);

    internal bool TryReadDateTimeOffset(int index, out DateTimeOffset value) =>
        PayloadValues.TryParseDateTimeOffset(ValueAt(index), out value) == PayloadDateForm.WithOffset;

    internal void SetOrRemove(string key, long? value) => Set(key, value.HasValue ? PayloadValues.Format(value.Value) : null);

    internal void SetOrRemove(string key, decimal? value) => Set(key, value.HasValue ? PayloadValues.Format(value.Value) : null);

    internal void SetOrRemove(string key, DateTimeOffset? value) => Set(key, value.HasValue ? PayloadValues.Format(value.Value) : null);

    internal void SetOrRemove(string key, bool? value) => Set(key, value.HasValue ? PayloadValues.Format(value.Value) : null);

    // Reading and writing a declared key: the overload is chosen by the declaration's type, so a property reads its
    // key by the key's kind.
    private string? Read(PayloadKey<string> key) => this[key.Name];

    private long? Read(PayloadKey<long> key) => GetInt64(key.Name);

    private decimal? Read(PayloadKey<decimal> key) => GetDecimal(key.Name);

    private DateTimeOffset? Read(PayloadKey<DateTimeOffset> key) => GetDateTimeOffset(key.Name);

    private bool? Read(PayloadKey<bool> key) => GetBoolean(key.Name);

    private void Write(PayloadKey<string> key, string? value) => Set(key.Name, value);

    private void Write(PayloadKey<long> key, long? value) => SetOrRemove(key.Name, value);

    private void Write(PayloadKey<decimal> key, decimal? value) => SetOrRemove(key.Name, value);

    private void Write(PayloadKey<DateTimeOffset> key, DateTimeOffset? value) => SetOrRemove(key.Name, value);

    private void Write(PayloadKey<bool> key, bool? value) => SetOrRemove(key.Name, value);
}
