namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>A value a builder was given, told apart from one it was not (null is a value here).</summary>
internal readonly struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Or(T fallback) => HasValue ? _value : fallback;

    public static implicit operator Optional<T>(T value) => new(value);
}
