namespace Impact.ApiSubmissions;

/// <summary>
/// Hashes a key from a slice of a string, so a parsed key needs no string of its own to be indexed.
/// </summary>
internal static class PayloadKeyHash
{
    public static int Of(string key) => Of(key, 0, key.Length);

#if NET8_0_OR_GREATER
    private const ulong Multiplier = 0x517CC1B727220A95;

    // Random per process: which keys share a bucket cannot be known in advance, so crafted keys cannot pile up.
    private static readonly ulong Seed = (ulong)System.Random.Shared.NextInt64();

    /// <summary>
    /// Four characters per step, then a full avalanche. Keys of the same length never share a 64-bit state: each
    /// step is injective in both the state and the block.
    /// </summary>
    public static int Of(string text, int start, int length)
    {
        System.ReadOnlySpan<byte> bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.MemoryExtensions.AsSpan(text, start, length));
        ulong hash = Seed ^ (ulong)length;
        while (bytes.Length >= sizeof(ulong))
        {
            hash = (System.Numerics.BitOperations.RotateLeft(hash, 5) ^ System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(bytes)) * Multiplier;
            bytes = bytes.Slice(sizeof(ulong));
        }

        ulong tail = 0;
        foreach (byte b in bytes)
        {
            tail = (tail << 8) | b;
        }

        hash = (System.Numerics.BitOperations.RotateLeft(hash, 5) ^ tail) * Multiplier;
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        return (int)hash;
    }
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
