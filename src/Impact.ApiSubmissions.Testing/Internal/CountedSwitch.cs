namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// A switch that stays on for a number of uses, with a value (a status code, a kind of fault).
/// Thread-safe: under any concurrency exactly <c>count</c> callers get the value.
/// </summary>
internal sealed class CountedSwitch<T>
    where T : struct
{
    public const int Unlimited = int.MaxValue;

    private readonly object _gate = new();
    private int _remaining;
    private T _value;

    public void Set(T value, int count)
    {
        lock (_gate)
        {
            _value = value;
            _remaining = count;
        }
    }

    public void Clear() => Set(default, 0);

    public bool TryUse(out T value)
    {
        lock (_gate)
        {
            value = _value;
            if (_remaining <= 0)
            {
                return false;
            }

            if (_remaining != Unlimited)
            {
                _remaining--;
            }

            return true;
        }
    }
}
