using System;

namespace Impact.ApiSubmissions;

/// <summary>
/// One <c>key=value</c> field of a <see cref="SubmissionPayload"/>, decoded, with the text it is written as.
/// </summary>
public readonly struct PayloadField : IEquatable<PayloadField>
{
    private readonly string? _key;
    private readonly string? _value;
    private readonly string? _encoded;

    /// <summary>Creates a field from its decoded key and value; its <see cref="Encoded"/> text is computed.</summary>
    /// <param name="key">The decoded key; may be empty.</param>
    /// <param name="value">The decoded value; may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is null.</exception>
    public PayloadField(string key, string value)
        : this(
            key ?? throw new ArgumentNullException(nameof(key)),
            value ?? throw new ArgumentNullException(nameof(value)),
            PayloadEncoder.EncodeField(key, value))
    {
    }

    internal PayloadField(string key, string value, string encoded)
    {
        _key = key;
        _value = value;
        _encoded = encoded;
    }

    /// <summary>The key, decoded once, case as sent. Empty for a field written <c>=value</c>.</summary>
    public string Key => _key ?? string.Empty;

    /// <summary>
    /// The value, decoded once. Empty for <c>key=</c> and for a key written without '='
    /// (<see cref="Encoded"/> tells the two apart).
    /// </summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// The field as it is written in the payload: for a parsed field, its original text, escapes and all
    /// (e.g. <c>ClickId=SKhRQaSXwxyOUQ%253AwUx0</c>); for a field set in code, its encoded form.
    /// </summary>
    public string Encoded => _encoded ?? string.Empty;

    /// <summary>Deconstructs the field into its decoded key and value.</summary>
    /// <param name="key">Receives <see cref="Key"/>.</param>
    /// <param name="value">Receives <see cref="Value"/>.</param>
    public void Deconstruct(out string key, out string value)
    {
        key = Key;
        value = Value;
    }

    /// <summary>True when both fields have the same decoded <see cref="Key"/> and <see cref="Value"/>, however they were written.</summary>
    /// <param name="other">The field to compare with.</param>
    /// <returns>Whether key and value are equal, ordinal and case-sensitive.</returns>
    public bool Equals(PayloadField other) =>
        string.Equals(Key, other.Key, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PayloadField other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Key) * 397) ^ StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>The field's <see cref="Encoded"/> text.</summary>
    /// <returns>The text the field is written as, e.g. <c>ItemName1=Anvil</c>.</returns>
    public override string ToString() => Encoded;

    /// <summary>Compares two fields by decoded key and value.</summary>
    /// <param name="left">The first field.</param>
    /// <param name="right">The second field.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PayloadField left, PayloadField right) => left.Equals(right);

    /// <summary>Compares two fields by decoded key and value.</summary>
    /// <param name="left">The first field.</param>
    /// <param name="right">The second field.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PayloadField left, PayloadField right) => !left.Equals(right);
}
