namespace Impact.ApiSubmissions;

/// <summary>
/// One field of a <see cref="SubmissionPayload"/>. A parsed field points into the original text and
/// decodes its key and value only when first read; a field set in code carries its strings and its
/// encoded text.
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

    /// <summary>The decoded key, once read (always set for an escaped key or a field set in code).</summary>
    public string? Key;

    /// <summary>The decoded value, once read (always set for a field set in code).</summary>
    public string? Value;

    /// <summary>The encoded segment of a field set in code; null for a parsed field.</summary>
    public string? Encoded;

    public readonly bool IsParsed => Start >= 0;

    public readonly bool HasEqualsSign => (Flags & PayloadEntryFlags.NoEqualsSign) == 0;

    public readonly int ValueStart => Start + KeyLength + 1;

    public readonly int ValueLength => HasEqualsSign ? Length - KeyLength - 1 : 0;

    public static PayloadEntry FromCode(string key, string value, int hash) => new PayloadEntry
    {
        Start = -1,
        Hash = hash,
        Key = key,
        Value = value,
        Encoded = PayloadEncoder.EncodeField(key, value),
    };
}

[System.Flags]
internal enum PayloadEntryFlags : byte
{
    None = 0,
    KeyEscaped = 1,
    ValueEscaped = 2,
    NoEqualsSign = 4,
}
