using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>
/// Recognises item keys: <c>Item</c>, a name of ASCII letters, the item's index (1 or more, no leading
/// zero) and, for the slot attributes, <c>_</c> and the slot number. Anything else is not an item key.
/// </summary>
internal static class PayloadItemKey
{
    private const string Prefix = "Item";

    /// <summary>Classifies a decoded key.</summary>
    /// <returns>
    /// False when it is not an item key; otherwise the item index, the attribute (null for a name or slot the SDK does
    /// not model), and the slot (0 when none).
    /// </returns>
    public static bool TryClassify(string text, out int index, out PayloadItemAttribute? attribute, out int slot)
    {
        index = 0;
        slot = 0;
        attribute = null;
        int end = text.Length;
        if (!HasPrefix(text))
        {
            return false;
        }

        int nameStart = Prefix.Length;
        int p = nameStart;
        while (p < end && IsAsciiLetter(text[p]))
        {
            p++;
        }

        int nameLength = p - nameStart;
        if (nameLength == 0 || !TryReadNumber(text, ref p, end, out index))
        {
            return false;
        }

        if (p < end)
        {
            if (text[p] != '_')
            {
                return false;
            }

            p++;
            if (!TryReadNumber(text, ref p, end, out slot) || p != end)
            {
                return false;
            }
        }

        attribute = Match(text, nameStart, nameLength, slot);
        return true;
    }

    /// <summary>Whether the key starts with <c>Item</c> and is long enough to be an item key.</summary>
    public static bool HasPrefix(string key) =>
        key.Length > Prefix.Length + 1 && key.StartsWith(Prefix, System.StringComparison.Ordinal);

    /// <summary>The key of an attribute of an item, e.g. <c>ItemQuantity3</c> or <c>ItemText3_12</c>.</summary>
    public static string Format(PayloadItemAttribute attribute, int index, int slot = 0)
    {
        string key = Prefix + attribute.Name + index.ToString(CultureInfo.InvariantCulture);
        return slot == 0 ? key : key + "_" + slot.ToString(CultureInfo.InvariantCulture);
    }

    private static PayloadItemAttribute? Match(string text, int nameStart, int nameLength, int slot)
    {
        foreach (var attribute in PayloadItemAttributes.All)
        {
            string name = attribute.Name;
            if (name.Length == nameLength && string.CompareOrdinal(text, nameStart, name, 0, nameLength) == 0)
            {
                bool slotFits = attribute.Slots == 0 ? slot == 0 : slot >= 1 && slot <= attribute.Slots;
                return slotFits ? attribute : null;
            }
        }

        return null;
    }

    /// <summary>Reads 1 to 9 digits with no leading zero (so the number is at least 1 and fits an int).</summary>
    private static bool TryReadNumber(string text, ref int p, int end, out int value)
    {
        value = 0;
        if (p >= end || text[p] < '1' || text[p] > '9')
        {
            return false;
        }

        int digits = 0;
        while (p < end && text[p] >= '0' && text[p] <= '9')
        {
            if (++digits > 9)
            {
                return false;
            }

            value = (value * 10) + (text[p] - '0');
            p++;
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
