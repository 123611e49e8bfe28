using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Impact.ApiSubmissions.Testing;

/// <summary>
/// Builds a submission's <see cref="ApiSubmission.Payload"/>: the form-urlencoded body of the original
/// conversion call, keys in the order they are set, values percent-encoded once.
/// </summary>
/// <example>
/// <code>
/// var payload = new PayloadBuilder()
///     .Set("CampaignId", "1000")
///     .Set("OrderId", "1234567890123")
///     .AddItem("12345", "Anvil", "Anvils", quantity: 2, price: 10m);
/// // CampaignId=1000&amp;OrderId=1234567890123&amp;ItemSku1=12345&amp;ItemName1=Anvil&amp;...
/// </code>
/// </example>
public sealed class PayloadBuilder
{
    private readonly List<KeyValuePair<string, string>> _fields = new();

    /// <summary>How many items <see cref="AddItem"/> has added so far.</summary>
    public int ItemCount { get; private set; }

    /// <summary>
    /// Sets a key to a value. A key set before keeps its place and takes the new value; a new key goes last.
    /// The value is written percent-encoded, so <c>"a%3Ab"</c> arrives as <c>a%253Ab</c>, like a ClickId
    /// its submitter encoded twice.
    /// </summary>
    /// <param name="key">The payload key, case-sensitive, e.g. <c>CampaignId</c> or <c>Text1</c>.</param>
    /// <param name="value">The value as the submitter meant it.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public PayloadBuilder Set(string key, string value)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A payload key cannot be empty.", nameof(key));
        }

        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
            {
                _fields[i] = new KeyValuePair<string, string>(key, value);
                return this;
            }
        }

        _fields.Add(new KeyValuePair<string, string>(key, value));
        return this;
    }

    /// <summary>
    /// Adds the next item: <c>ItemSku{i}</c>, <c>ItemName{i}</c>, <c>ItemCategory{i}</c>,
    /// <c>ItemQuantity{i}</c> and <c>ItemPrice{i}</c>, where i counts from 1. Prices use <c>.</c> as the
    /// decimal separator whatever the current culture.
    /// </summary>
    /// <param name="sku">The item's SKU.</param>
    /// <param name="name">The item's name.</param>
    /// <param name="category">The item's category.</param>
    /// <param name="quantity">How many were bought.</param>
    /// <param name="price">The unit price.</param>
    /// <returns>This builder.</returns>
    public PayloadBuilder AddItem(string sku, string name, string category, int quantity, decimal price)
    {
        var i = (ItemCount + 1).ToString(CultureInfo.InvariantCulture);
        Set("ItemSku" + i, sku);
        Set("ItemName" + i, name);
        Set("ItemCategory" + i, category);
        Set("ItemQuantity" + i, quantity.ToString(CultureInfo.InvariantCulture));
        Set("ItemPrice" + i, price.ToString(CultureInfo.InvariantCulture));
        ItemCount++;
        return this;
    }

    /// <summary>The payload as impact.com stores it: <c>key=value</c> pairs joined with <c>&amp;</c>.</summary>
    /// <returns>The form-urlencoded payload.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var field in _fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            AppendEncoded(text, field.Key);
            text.Append('=');
            AppendEncoded(text, field.Value);
        }

        return text.ToString();
    }

    // Encodes what would change the meaning of a form body (& = + # % ? space, controls, non-ASCII)
    // and keeps the rest readable, as impact.com's own examples are (EventDate=2024-08-01T23:55:24-08:00).
    private static void AppendEncoded(StringBuilder text, string value)
    {
        const string hex = "0123456789ABCDEF";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsKeptAsIs(c))
            {
                text.Append(c);
                continue;
            }

            var charCount = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
            foreach (var b in Encoding.UTF8.GetBytes(value.ToCharArray(i, charCount)))
            {
                text.Append('%').Append(hex[b >> 4]).Append(hex[b & 0xF]);
            }

            i += charCount - 1;
        }
    }

    private static bool IsKeptAsIs(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '.' or '_' or '~' or ':' or '/' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or ',' or ';';
}
