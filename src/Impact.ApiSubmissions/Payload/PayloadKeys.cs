using System;
using System.Collections.Generic;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>What a documented value is, for reading and for <see cref="SubmissionPayload.Validate()"/>.</summary>
internal enum PayloadValueKind : byte
{
    Text,

    /// <summary>An impact.com id: a 64-bit whole number.</summary>
    Id,

    /// <summary>A count, such as an item's quantity: a 32-bit whole number.</summary>
    Int32,
    Decimal,

    /// <summary>A decimal amount in the payload's <c>CurrencyCode</c>.</summary>
    Money,
    DateTime,
    Boolean,
}

/// <summary>A documented payload key: its name, the kind of its value, and whether a conversion needs it.</summary>
internal class PayloadKey(string name, PayloadValueKind kind, bool required, string? oneOf)
{
    public string Name { get; } = name;

    public PayloadValueKind Kind { get; } = kind;

    /// <summary>Whether a conversion must carry the key (the schema's <c>required</c>).</summary>
    public bool Required { get; } = required;

    /// <summary>The group (x-one-of) of which a conversion must carry at least one key; null when none.</summary>
    public string? OneOf { get; } = oneOf;
}

/// <summary>A documented payload key whose typed property reads <typeparamref name="T"/>, so a property can only read a key declared with the matching kind.</summary>
/// <typeparam name="T">The value's type: <see cref="string"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="DateTimeOffset"/> or <see cref="bool"/>.</typeparam>
internal sealed class PayloadKey<T>(string name, PayloadValueKind kind, bool required, string? oneOf)
    : PayloadKey(name, kind, required, oneOf);

/// <summary>
/// The payload-level keys the SDK documents (items aside), each declared once with the kind of its value. The
/// declarations are generated from the spec's conversion schema (Templates/Class.PayloadKeys.liquid);
/// <see cref="SubmissionPayload"/>'s typed properties, also generated, read and write through them, and the set of
/// known keys (for <see cref="SubmissionPayload.AdditionalFields"/> and <see cref="SubmissionPayload.Validate()"/>) and
/// the conversion's rules (required keys, one-of groups) are built from them.
/// </summary>
internal static partial class PayloadKeys
{
    // Created by the first declaration: the generated declarations live in another file of this partial class, and
    // C# does not order field initialisers across files.
    private static Dictionary<string, PayloadKey>? s_declared;
    private static List<PayloadKey>? s_inOrder;

    private static List<OneOfGroup<string>>? s_oneOfGroups;

    /// <summary>Every declared key (custom slots included), in the schema's order.</summary>
    public static IReadOnlyList<PayloadKey> All => s_inOrder!;

    /// <summary>The one-of groups (x-one-of) in the schema's order, each with its keys: a conversion needs one key of each.</summary>
    public static IReadOnlyList<OneOfGroup<string>> OneOfGroups => s_oneOfGroups ??= OneOfGroup<string>.Collect(All, k => k.OneOf, k => k.Name);

    public static bool TryGetKind(string key, out PayloadValueKind kind)
    {
        if (s_declared!.TryGetValue(key, out var declared))
        {
            kind = declared.Kind;
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>The key of custom slot <paramref name="slot"/> (1-based) among <paramref name="slots"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slot"/> is outside the slots.</exception>
    public static PayloadKey<T> Slot<T>(PayloadKey<T>[] slots, int slot)
    {
        if (slot < 1 || slot > slots.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"The slot must be 1 to {slots.Length}.");
        }

        return slots[slot - 1];
    }

    private static PayloadKey<T> Declare<T>(string name, PayloadValueKind kind, bool required, string? oneOf)
    {
        var key = new PayloadKey<T>(name, kind, required, oneOf);
        (s_declared ??= new Dictionary<string, PayloadKey>(StringComparer.Ordinal)).Add(name, key); // throws on a key declared twice
        (s_inOrder ??= new List<PayloadKey>()).Add(key);
        return key;
    }

    private static PayloadKey<T>[] Slots<T>(string prefix, int count, PayloadValueKind kind)
    {
        var keys = new PayloadKey<T>[count];
        for (int k = 1; k <= count; k++)
        {
            keys[k - 1] = Declare<T>(prefix + k.ToString(CultureInfo.InvariantCulture), kind, required: false, oneOf: null);
        }

        return keys;
    }
}

/// <summary>
/// A documented item attribute: the name between <c>Item</c> and the item's index in its key (<c>Sku</c> in
/// <c>ItemSku2</c>), the kind of its value, and its number of slots (0 for an attribute without slots; 50 for
/// <c>ItemText{i}_{k}</c>).
/// </summary>
internal class PayloadItemAttribute(string name, PayloadValueKind kind, int slots, string? oneOf)
{
    public string Name { get; } = name;

    public PayloadValueKind Kind { get; } = kind;

    public int Slots { get; } = slots;

    /// <summary>The group (x-one-of) of which each item must carry exactly one attribute; null when none.</summary>
    public string? OneOf { get; } = oneOf;
}

/// <summary>An item attribute whose typed property or slot reader reads <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value's type: <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/> or <see cref="DateTimeOffset"/>.</typeparam>
internal sealed class PayloadItemAttribute<T>(string name, PayloadValueKind kind, int slots, string? oneOf)
    : PayloadItemAttribute(name, kind, slots, oneOf);

/// <summary>
/// The item attributes the SDK documents, each declared once, generated from the spec's conversion schema (its
/// <c>Item...{i}</c> properties): <see cref="PayloadItem"/>'s typed properties and slot readers read through these
/// declarations, and an item key names a known attribute only when it is declared here.
/// </summary>
internal static partial class PayloadItemAttributes
{
    // Created by the first declaration, as in PayloadKeys.
    private static List<PayloadItemAttribute>? s_declared;

    private static List<OneOfGroup<PayloadItemAttribute>>? s_oneOfGroups;

    public static IReadOnlyList<PayloadItemAttribute> All => s_declared!;

    /// <summary>The item-level one-of groups (x-one-of): each item needs exactly one attribute of each.</summary>
    public static IReadOnlyList<OneOfGroup<PayloadItemAttribute>> OneOfGroups =>
        s_oneOfGroups ??= OneOfGroup<PayloadItemAttribute>.Collect(All, a => a.OneOf, a => a);

    private static PayloadItemAttribute<T> Declare<T>(string name, PayloadValueKind kind, int slots, string? oneOf)
    {
        var attribute = new PayloadItemAttribute<T>(name, kind, slots, oneOf);
        (s_declared ??= new List<PayloadItemAttribute>()).Add(attribute);
        return attribute;
    }
}

/// <summary>A group of keys (or item attributes) named by the schema's x-one-of, in the schema's order.</summary>
internal sealed class OneOfGroup<T>
{
    private OneOfGroup(string name)
    {
        Name = name;
    }

    /// <summary>The group's name, e.g. <c>attribution key</c>.</summary>
    public string Name { get; }

    /// <summary>The group's keys or item attributes.</summary>
    public List<T> Keys { get; } = new();

    public static List<OneOfGroup<T>> Collect<TSource>(IEnumerable<TSource> declared, Func<TSource, string?> groupOf, Func<TSource, T> select)
    {
        var groups = new List<OneOfGroup<T>>();
        foreach (var item in declared)
        {
            string? name = groupOf(item);
            if (name is null)
            {
                continue;
            }

            var group = groups.Find(g => g.Name == name);
            if (group is null)
            {
                group = new OneOfGroup<T>(name);
                groups.Add(group);
            }

            group.Keys.Add(select(item));
        }

        return groups;
    }
}
