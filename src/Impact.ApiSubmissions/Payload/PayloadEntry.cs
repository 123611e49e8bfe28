namespace Impact.ApiSubmissions;

/// <summary>
/// Where one field of a <see cref="SubmissionPayload"/> lies in the original text, in 16 bytes, so that a
/// 1,000-item payload's fields stay off the large object heap. Its decoded strings, once read, and the strings
/// of a field set in code, live beside it in a <see cref="PayloadEntryText"/>.
/// </summary>
internal struct PayloadEntry
{
    // A string is shorter than 2^30 characters: the top two bits of the length carry the escape flags.
    private const int KeyEscapedBit = 1 << 30;
    private const int ValueEscapedBit = 1 << 31;
    private const int LengthMask = KeyEscapedBit - 1;

    private int _lengthAndFlags;

    /// <summary>Start of the segment in the source text, or -1 for a field set in code.</summary>
    public int Start { get; private set; }

    /// <summary>Length of the raw key: the characters before the first '=', or <see cref="Length"/> when there is none.</summary>
    public int KeyLength { get; private set; }

    /// <summary>Hash of the decoded key (see <see cref="PayloadKeyHash"/>).</summary>
    public int Hash { get; private set; }

    /// <summary>Length of the segment in the source text.</summary>
    public readonly int Length => _lengthAndFlags & LengthMask;

    public readonly bool IsParsed => Start >= 0;

    /// <summary>Whether the raw key holds a '%' or '+' and so differs from the decoded key.</summary>
    public readonly bool KeyEscaped => (_lengthAndFlags & KeyEscapedBit) != 0;

    /// <summary>Whether the raw value holds a '%' or '+' and so differs from the decoded value.</summary>
    public readonly bool ValueEscaped => (_lengthAndFlags & ValueEscapedBit) != 0;

    /// <summary>Whether the segment has an '=': without one (<c>flag</c>) the key is the whole segment.</summary>
    public readonly bool HasEqualsSign => KeyLength < Length;

    public readonly int ValueStart => Start + KeyLength + 1;

    public readonly int ValueLength => HasEqualsSign ? Length - KeyLength - 1 : 0;

    public static PayloadEntry Parsed(int start, int length, int keyLength, PayloadEntryFlags flags, int hash) => new PayloadEntry
    {
        Start = start,
        _lengthAndFlags = length
            | ((flags & PayloadEntryFlags.KeyEscaped) != 0 ? KeyEscapedBit : 0)
            | ((flags & PayloadEntryFlags.ValueEscaped) != 0 ? ValueEscapedBit : 0),
        KeyLength = keyLength,
        Hash = hash,
    };

    public static PayloadEntry FromCode(int hash) => new PayloadEntry { Start = -1, Hash = hash };
}

/// <summary>The decoded key and value of a field, once read; always set for a field set in code.</summary>
internal struct PayloadEntryText
{
    public string? Key;
    public string? Value;
}

/// <summary>What the scanner saw in a segment.</summary>
[System.Flags]
internal enum PayloadEntryFlags : byte
{
    None = 0,
    KeyEscaped = 1,
    ValueEscaped = 2,
}
