using System;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// BatchIds in impact.com's shape, <c>A-</c> then 8-4-4-4-12 characters. Most look like GUIDs; about a
/// third use letters past <c>f</c> (as impact.com's own example does), so code that parses them as GUIDs fails.
/// </summary>
internal static class BatchIds
{
    private const string Hex = "0123456789abcdef";
    private const string Alphanumeric = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string Next(DeterministicRandom random)
    {
        var alphabet = random.Chance(1.0 / 3) ? Alphanumeric : Hex;
        string Group(int length) => random.Chars(alphabet, length);
        var id = $"A-{Group(8)}-{Group(4)}-{Group(4)}-{Group(4)}-{Group(12)}";
        return alphabet == Alphanumeric && !HasLetterPastF(id) ? id.Substring(0, id.Length - 1) + "z" : id;
    }

    public static string NextUnseeded() => Next(new DeterministicRandom(BitConverter.ToInt64(Guid.NewGuid().ToByteArray(), 0)));

    private static bool HasLetterPastF(string id)
    {
        foreach (var c in id.Substring(2))
        {
            if (c > 'f' && c <= 'z')
            {
                return true;
            }
        }

        return false;
    }
}
