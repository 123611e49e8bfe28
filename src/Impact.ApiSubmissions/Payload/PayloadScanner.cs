using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace Impact.ApiSubmissions;

/// <summary>
/// Splits a payload into fields in one pass over its special characters: '&amp;' ends a field, the first '='
/// ends its key, and a '%' or '+' marks the key or value as needing decoding when read. On .NET 8 and later
/// the specials are found sixteen characters at a time, so short fields cost no call per search.
/// </summary>
internal static class PayloadScanner
{
    public static void Scan(string text, SubmissionPayload target)
    {
        var segment = new Segment { EqualsAt = -1 };
        int i = 0;
#if NET8_0_OR_GREATER
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
        {
            ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(System.MemoryExtensions.AsSpan(text)));
            var ampersand = Vector256.Create((ushort)'&');
            var equals = Vector256.Create((ushort)'=');
            var percent = Vector256.Create((ushort)'%');
            var plus = Vector256.Create((ushort)'+');
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var chars = Vector256.LoadUnsafe(ref first, (nuint)i);
                var found = Vector256.Equals(chars, ampersand) | Vector256.Equals(chars, equals)
                    | Vector256.Equals(chars, percent) | Vector256.Equals(chars, plus);
                for (uint bits = found.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    segment.Visit(text, i + BitOperations.TrailingZeroCount(bits), target);
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref ushort first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(System.MemoryExtensions.AsSpan(text)));
            var ampersand = Vector128.Create((ushort)'&');
            var equals = Vector128.Create((ushort)'=');
            var percent = Vector128.Create((ushort)'%');
            var plus = Vector128.Create((ushort)'+');
            for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var chars = Vector128.LoadUnsafe(ref first, (nuint)i);
                var found = Vector128.Equals(chars, ampersand) | Vector128.Equals(chars, equals)
                    | Vector128.Equals(chars, percent) | Vector128.Equals(chars, plus);
                for (uint bits = found.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    segment.Visit(text, i + BitOperations.TrailingZeroCount(bits), target);
                }
            }
        }
#endif
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '&' || c == '=' || c == '%' || c == '+')
            {
                segment.Visit(text, i, target);
            }
        }

        target.AppendParsed(segment.Start, text.Length, segment.EqualsAt, segment.Flags);
    }

    private struct Segment
    {
        public int Start;
        public int EqualsAt;
        public PayloadEntryFlags Flags;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(string text, int position, SubmissionPayload target)
        {
            switch (text[position])
            {
                case '&':
                    target.AppendParsed(Start, position, EqualsAt, Flags);
                    Start = position + 1;
                    EqualsAt = -1;
                    Flags = PayloadEntryFlags.None;
                    break;
                case '=':
                    if (EqualsAt < 0)
                    {
                        EqualsAt = position;
                    }

                    break;
                default:
                    Flags |= EqualsAt < 0 ? PayloadEntryFlags.KeyEscaped : PayloadEntryFlags.ValueEscaped;
                    break;
            }
        }
    }
}
