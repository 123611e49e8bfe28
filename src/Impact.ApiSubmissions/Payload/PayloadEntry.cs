namespace Impact.ApiSubmissions;

/// <summary>
/// Where one field of a <see cref="SubmissionPayload"/> lies in the original text: small, so parsing writes
/// little. Its decoded strings, once read, and the strings of a field set in code, live beside it in a
/// <see cref="PayloadEntryText"/>.
/// </summary>
internal struct PayloadEntry
{
    /// <summary>Start of the segment in the source text, or -1 for a field set in code.</summary>
    public int Start;

    /// <summary>Length of the segment in the source text.</summary>
    public int Length;

    /// <summary>Length of the raw key: the characters before the first '=', or <see cref="Length"/> when there is none.</summary>
    public int KeyLength;

    /// <summary>Hash of the decoded key (see <see cref="PayloadKeyHash"/>).</summary>
    public int Hash;

    public PayloadEntryFlags Flags;

    public readonly bool IsParsed => Start >= 0;

    public readonly bool HasEqualsSign => (Flags & PayloadEntryFlags.NoEqualsSign) == 0;

    public readonly int ValueStart => Start + KeyLength + 1;

    public readonly int ValueLength => HasEqualsSign ? Length - KeyLength - 1 : 0;

    public static PayloadEntry FromCode(int hash) => new PayloadEntry { Start = -1, Hash = hash };
}

/// <summary>The decoded key and value of a field, once read; always set for a field set in code.</summary>
internal struct PayloadEntryText
{
    public string? Key;
    public string? Value;
}

[System.Flags]
internal enum PayloadEntryFlags : byte
{
    None = 0,
    KeyEscaped = 1,
    ValueEscaped = 2,
    NoEqualsSign = 4,
}
