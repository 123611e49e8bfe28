using System.Text;

namespace Impact.ApiSubmissions;

/// <summary>
/// Encodes keys and values set in code: ASCII letters, digits and <c>- . _ ~ : / @ ,</c> stay as they are,
/// a space becomes '+', every other character becomes the %XX escapes (upper-case hex) of its UTF-8 bytes.
/// An unpaired surrogate is encoded as U+FFFD.
/// </summary>
internal static class PayloadEncoder
{
    private const string Hex = "0123456789ABCDEF";

    public static string EncodeField(string key, string value)
    {
        var builder = new StringBuilder(key.Length + value.Length + 8);
        Append(builder, key);
        builder.Append('=');
        Append(builder, value);
        return builder.ToString();
    }

    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        Append(builder, text);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, string text)
    {
        int plainFrom = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsUnescaped(c))
            {
                continue;
            }

            builder.Append(text, plainFrom, i - plainFrom);
            if (c == ' ')
            {
                builder.Append('+');
            }
            else if (c < 0x80)
            {
                AppendByte(builder, c);
            }
            else if (c < 0x800)
            {
                AppendByte(builder, 0xC0 | (c >> 6));
                AppendByte(builder, 0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                AppendByte(builder, 0xF0 | (codePoint >> 18));
                AppendByte(builder, 0x80 | ((codePoint >> 12) & 0x3F));
                AppendByte(builder, 0x80 | ((codePoint >> 6) & 0x3F));
                AppendByte(builder, 0x80 | (codePoint & 0x3F));
                i++;
            }
            else
            {
                int codePoint = char.IsSurrogate(c) ? 0xFFFD : c;
                AppendByte(builder, 0xE0 | (codePoint >> 12));
                AppendByte(builder, 0x80 | ((codePoint >> 6) & 0x3F));
                AppendByte(builder, 0x80 | (codePoint & 0x3F));
            }

            plainFrom = i + 1;
        }

        builder.Append(text, plainFrom, text.Length - plainFrom);
    }

    private static bool IsUnescaped(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '/' || c == '@' || c == ',';

    private static void AppendByte(StringBuilder builder, int value)
    {
        builder.Append('%');
        builder.Append(Hex[(value >> 4) & 0xF]);
        builder.Append(Hex[value & 0xF]);
    }
}
