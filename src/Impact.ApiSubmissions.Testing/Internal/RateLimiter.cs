using System;

namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>A fixed request window like impact.com's hourly quota, shared by every request.</summary>
internal sealed class RateLimiter
{
    private readonly object _gate = new();
    private bool _enabled;
    private int _limit;
    private TimeSpan _window;
    private DateTimeOffset _windowEnd;
    private int _used;
    private volatile bool _sendsRetryAfter = true;

    public readonly record struct Decision(bool Allowed, int Limit, int Remaining, int ResetSeconds);

    /// <summary>Whether a 429 carries <c>Retry-After</c>; without it a client has only <c>X-RateLimit-Reset</c>.</summary>
    public bool SendsRetryAfter => _sendsRetryAfter;

    public void Enable(int limit, TimeSpan window, DateTimeOffset now, bool sendRetryAfter)
    {
        lock (_gate)
        {
            _sendsRetryAfter = sendRetryAfter;
            _enabled = true;
            _limit = limit;
            _window = window;
            _windowEnd = now + window;
            _used = 0;
        }
    }

    public void Disable()
    {
        lock (_gate)
        {
            _enabled = false;
        }
    }

    /// <summary>Counts one request against the window; null when no limit is switched on.</summary>
    public Decision? Take(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_enabled)
            {
                return null;
            }

            if (now >= _windowEnd)
            {
                _windowEnd = now + _window;
                _used = 0;
            }

            var allowed = _used < _limit;
            if (allowed)
            {
                _used++;
            }

            var reset = (int)Math.Ceiling((_windowEnd - now).TotalSeconds);
            return new Decision(allowed, _limit, _limit - _used, reset);
        }
    }
}
