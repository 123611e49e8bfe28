using System;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>How a date-time value read.</summary>
internal enum PayloadDateForm
{
    /// <summary>Not an ISO 8601 date and time.</summary>
    Invalid,

    /// <summary>An ISO 8601 date, or date and time, with no UTC offset.</summary>
    NoOffset,

    /// <summary>An ISO 8601 date and time with its UTC offset.</summary>
    WithOffset,
}

/// <summary>
/// Converts decoded payload values, culture-invariant and strict, never throwing;
/// and formats typed values for the payload.
/// </summary>
internal static class PayloadValues
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool TryParseInt32(string text, out int value) =>
        int.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out value);

    public static bool TryParseInt64(string text, out long value) =>
        long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDecimal(string text, out decimal value) =>
        TryParsePlainDecimal(text, out value) || decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The common case without the general parser: a sign, up to 18 digits and a '.', which fit a 64-bit mantissa
    /// exactly. Anything else returns false and is left to <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>.
    /// </summary>
    private static bool TryParsePlainDecimal(string text, out decimal value)
    {
        value = 0;
        int p = 0;
        int end = text.Length;
        bool negative = false;
        if (p < end && (text[p] == '-' || text[p] == '+'))
        {
            negative = text[p] == '-';
            p++;
        }

        ulong mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; p < end; p++)
        {
            char c = text[p];
            if (c >= '0' && c <= '9')
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (uint)(c - '0');
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)(scale < 0 ? 0 : scale));
        return true;
    }

    /// <summary>Reads <c>true</c>/<c>false</c> in any case, or <c>1</c>/<c>0</c>.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        value = false;
        if (text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        return text == "0" || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads an ISO 8601 date and time: <c>yyyy-MM-dd</c>, then <c>T</c> (or a space) and <c>HH:mm</c>,
    /// optionally <c>:ss</c> and a fraction, then <c>Z</c> or an offset <c>±HH:mm</c>, <c>±HHmm</c> or <c>±HH</c>.
    /// Only a value with an offset gives a <see cref="DateTimeOffset"/>; a date alone, or one with no
    /// offset, reads as <see cref="PayloadDateForm.NoOffset"/>.
    /// </summary>
    public static PayloadDateForm TryParseDateTimeOffset(string text, out DateTimeOffset value)
    {
        value = default;
        int end = text.Length;
        int p = 0;
        if (!Digits(text, ref p, end, 4, out int year) || !Expect(text, ref p, end, '-')
            || !Digits(text, ref p, end, 2, out int month) || !Expect(text, ref p, end, '-')
            || !Digits(text, ref p, end, 2, out int day))
        {
            return PayloadDateForm.Invalid;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return PayloadDateForm.Invalid;
        }

        if (p == end)
        {
            return PayloadDateForm.NoOffset;
        }

        char separator = text[p++];
        if (separator != 'T' && separator != 't' && separator != ' ')
        {
            return PayloadDateForm.Invalid;
        }

        int second = 0;
        long fractionTicks = 0;
        if (!Digits(text, ref p, end, 2, out int hour) || !Expect(text, ref p, end, ':')
            || !Digits(text, ref p, end, 2, out int minute))
        {
            return PayloadDateForm.Invalid;
        }

        if (p < end && text[p] == ':')
        {
            p++;
            if (!Digits(text, ref p, end, 2, out second))
            {
                return PayloadDateForm.Invalid;
            }

            if (p < end && (text[p] == '.' || text[p] == ','))
            {
                p++;
                int digits = 0;
                while (p < end && text[p] >= '0' && text[p] <= '9')
                {
                    // Ticks are 100 ns: digits past the seventh are dropped.
                    if (digits < 7)
                    {
                        fractionTicks = (fractionTicks * 10) + (text[p] - '0');
                    }

                    digits++;
                    p++;
                }

                if (digits == 0)
                {
                    return PayloadDateForm.Invalid;
                }

                for (; digits < 7; digits++)
                {
                    fractionTicks *= 10;
                }
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return PayloadDateForm.Invalid;
        }

        if (p == end)
        {
            return PayloadDateForm.NoOffset;
        }

        TimeSpan offset;
        char sign = text[p++];
        if ((sign == 'Z' || sign == 'z') && p == end)
        {
            offset = TimeSpan.Zero;
        }
        else if (sign == '+' || sign == '-')
        {
            int offsetMinutes = 0;
            if (!Digits(text, ref p, end, 2, out int offsetHours))
            {
                return PayloadDateForm.Invalid;
            }

            if (p < end)
            {
                if (text[p] == ':')
                {
                    p++;
                }

                if (!Digits(text, ref p, end, 2, out offsetMinutes))
                {
                    return PayloadDateForm.Invalid;
                }
            }

            if (p != end || offsetMinutes > 59 || (offsetHours * 60) + offsetMinutes > 14 * 60)
            {
                return PayloadDateForm.Invalid;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (sign == '-')
            {
                offset = offset.Negate();
            }
        }
        else
        {
            return PayloadDateForm.Invalid;
        }

        long localTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        long utcTicks = localTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return PayloadDateForm.Invalid;
        }

        value = new DateTimeOffset(localTicks, offset);
        return PayloadDateForm.WithOffset;
    }

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>ISO 8601 with the value's own offset, e.g. <c>2024-08-01T23:55:24-08:00</c>; a fraction only when there is one.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static bool Digits(string text, ref int p, int end, int count, out int value)
    {
        value = 0;
        if (end - p < count)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            char c = text[p + i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        p += count;
        return true;
    }

    private static bool Expect(string text, ref int p, int end, char expected)
    {
        if (p < end && text[p] == expected)
        {
            p++;
            return true;
        }

        return false;
    }
}
