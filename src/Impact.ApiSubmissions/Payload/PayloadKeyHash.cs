namespace Impact.ApiSubmissions;

/// <summary>
/// Hashes a key from a slice of a string, so a parsed key needs no string of its own to be indexed.
/// </summary>
internal static class PayloadKeyHash
{
    public static int Of(string key) => Of(key, 0, key.Length);

#if NET8_0_OR_GREATER
    // Randomised per process (Marvin), so crafted keys cannot aim at one bucket.
    public static int Of(string text, int start, int length) =>
        string.GetHashCode(System.MemoryExtensions.AsSpan(text, start, length));
#else
    public static int Of(string text, int start, int length)
    {
        unchecked
        {
            uint hash = 2166136261;
            for (int i = start, end = start + length; i < end; i++)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            return (int)(hash ^ (hash >> 15));
        }
    }
#endif
}
