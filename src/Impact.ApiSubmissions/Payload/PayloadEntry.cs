namespace Impact.ApiSubmissions;

/// <summary>
/// One field of a <see cref="SubmissionPayload"/>: its decoded key, its value once decoded, and, for a parsed field,
/// where it lies in the original text (kept so that an unedited field formats back to the byte).
/// </summary>
internal struct PayloadEntry
{
    /// <summary>The key, decoded once.</summary>
    public string Key;

    /// <summary>The value, decoded once: when first read for a parsed field, always for a field set in code.</summary>
    public string? Value;

    /// <summary>Start of the segment in the source text, or -1 for a field set in code.</summary>
    public int Start;

    /// <summary>Length of the segment in the source text.</summary>
    public int Length;

    /// <summary>Length of the raw key: the characters before the first '=', or <see cref="Length"/> when there is none.</summary>
    public int KeyLength;

    public readonly bool IsParsed => Start >= 0;

    /// <summary>Whether the segment has an '=': without one (<c>flag</c>) the key is the whole segment.</summary>
    public readonly bool HasEqualsSign => KeyLength < Length;

    public readonly int ValueStart => Start + KeyLength + 1;

    public readonly int ValueLength => HasEqualsSign ? Length - KeyLength - 1 : 0;

    public static PayloadEntry Parsed(string key, int start, int length, int keyLength) =>
        new PayloadEntry { Key = key, Start = start, Length = length, KeyLength = keyLength };

    public static PayloadEntry FromCode(string key, string value) => new PayloadEntry { Key = key, Value = value, Start = -1 };
}
