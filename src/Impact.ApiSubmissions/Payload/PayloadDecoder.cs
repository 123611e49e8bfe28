namespace Impact.ApiSubmissions;

/// <summary>What decoding found that a well-formed payload would not have.</summary>
[System.Flags]
internal enum PayloadDecodeIssues : byte
{
    None = 0,

    /// <summary>A '%' not followed by two hex digits, kept literally.</summary>
    MalformedEscape = 1,

    /// <summary>Escaped bytes that are not UTF-8, read as U+FFFD.</summary>
    InvalidUtf8 = 2,
}

/// <summary>
/// Decodes one form-urlencoded key or value exactly once: '+' is a space, %XX is a byte, runs of bytes
/// are UTF-8. A '%' that does not start %XX is kept literally; bytes that are not UTF-8 become U+FFFD,
/// one per maximal invalid subsequence (the Unicode and WHATWG rule). Other characters are kept as they are.
/// </summary>
internal static class PayloadDecoder
{
    internal static readonly char[] EscapeChars = { '%', '+' };

    public static bool NeedsDecoding(string text, int start, int length) =>
        length > 0 && text.IndexOfAny(EscapeChars, start, length) >= 0;

    public static string Decode(string text, int start, int length)
    {
        PayloadDecodeIssues ignored = PayloadDecodeIssues.None;
        return Decode(text, start, length, ref ignored);
    }

    public static string Decode(string text, int start, int length, ref PayloadDecodeIssues issues)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (!NeedsDecoding(text, start, length))
        {
            return length == text.Length ? text : text.Substring(start, length);
        }

        // Decoding never lengthens: '+' gives one char, %XX one byte, and n bytes give at most n chars.
        char[] buffer = new char[length];
        int written = 0;
        int i = start;
        int end = start + length;
        while (i < end)
        {
            char c = text[i];
            if (c == '+')
            {
                buffer[written++] = ' ';
                i++;
            }
            else if (c == '%')
            {
                int runEnd = i;
                while (runEnd + 2 < end && text[runEnd] == '%' && IsHex(text[runEnd + 1]) && IsHex(text[runEnd + 2]))
                {
                    runEnd += 3;
                }

                if (runEnd == i)
                {
                    issues |= PayloadDecodeIssues.MalformedEscape;
                    buffer[written++] = '%';
                    i++;
                }
                else
                {
                    written = DecodeUtf8Run(text, i, (runEnd - i) / 3, buffer, written, ref issues);
                    i = runEnd;
                }
            }
            else
            {
                buffer[written++] = c;
                i++;
            }
        }

        return new string(buffer, 0, written);
    }

    /// <summary>Decodes <paramref name="count"/> bytes written as %XX from <paramref name="runStart"/> as UTF-8.</summary>
    private static int DecodeUtf8Run(string text, int runStart, int count, char[] buffer, int written, ref PayloadDecodeIssues issues)
    {
        int k = 0;
        while (k < count)
        {
            int b0 = ByteAt(text, runStart, k);
            if (b0 < 0x80)
            {
                buffer[written++] = (char)b0;
                k++;
                continue;
            }

            int needed;
            int codePoint;
            int low = 0x80;
            int high = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF)
            {
                needed = 1;
                codePoint = b0 & 0x1F;
            }
            else if (b0 >= 0xE0 && b0 <= 0xEF)
            {
                needed = 2;
                codePoint = b0 & 0x0F;
                if (b0 == 0xE0) low = 0xA0;
                if (b0 == 0xED) high = 0x9F; // no UTF-16 surrogates
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4)
            {
                needed = 3;
                codePoint = b0 & 0x07;
                if (b0 == 0xF0) low = 0x90;
                if (b0 == 0xF4) high = 0x8F; // nothing past U+10FFFF
            }
            else
            {
                issues |= PayloadDecodeIssues.InvalidUtf8;
                buffer[written++] = '\uFFFD';
                k++;
                continue;
            }

            int j = k + 1;
            bool complete = true;
            for (int n = 0; n < needed; n++, j++)
            {
                int b = j < count ? ByteAt(text, runStart, j) : -1;
                if (b < low || b > high)
                {
                    complete = false;
                    break;
                }

                codePoint = (codePoint << 6) | (b & 0x3F);
                low = 0x80;
                high = 0xBF;
            }

            if (!complete)
            {
                // The bytes read so far are one maximal subpart: one replacement character for all of them.
                issues |= PayloadDecodeIssues.InvalidUtf8;
                buffer[written++] = '\uFFFD';
                k = j;
                continue;
            }

            if (codePoint >= 0x10000)
            {
                codePoint -= 0x10000;
                buffer[written++] = (char)(0xD800 + (codePoint >> 10));
                buffer[written++] = (char)(0xDC00 + (codePoint & 0x3FF));
            }
            else
            {
                buffer[written++] = (char)codePoint;
            }

            k = j;
        }

        return written;
    }

    private static int ByteAt(string text, int runStart, int index)
    {
        int p = runStart + (index * 3);
        return (HexValue(text[p + 1]) << 4) | HexValue(text[p + 2]);
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
