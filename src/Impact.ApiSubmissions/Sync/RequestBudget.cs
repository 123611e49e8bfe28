using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

/// <summary>
/// Paces a sync, three rules, the longest wait wins: requests flow at <c>perHour</c> an hour with bursts of at most a
/// tenth of it (a token bucket, so a watch spreads its requests instead of spending the hour's budget in minutes); never
/// more than <c>perHour</c> in any rolling hour; and a pause until the service's window resets when its rate-limit
/// headers say that no more than (limit - perHour) requests are left, so the budget is a share of the account's quota
/// whoever else spends it (also across restarts, which start this process's own count afresh).
/// </summary>
internal sealed class RequestBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly int _perHour;
    private readonly TimeProvider _clock;
    private readonly Func<RateLimitState?> _serverState;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly double _burst;
    private double _tokens;
    private DateTimeOffset _refilled;

    public RequestBudget(int perHour, TimeProvider clock, Func<RateLimitState?> serverState, Func<TimeSpan, CancellationToken, Task>? delay = null, int? burst = null)
    {
        _perHour = perHour;
        _burst = Math.Max(1, burst ?? perHour / 10);
        _tokens = _burst;
        _refilled = clock.GetUtcNow();
        _clock = clock;
        _serverState = serverState;
        _delay = delay ?? ((wait, ct) => SyncDelay.Wait(clock, wait, ct));
    }

    /// <summary>Time spent waiting for the budget so far.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Waits until one more request fits, then counts it as sent.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = Wait(_clock.GetUtcNow());
            if (wait <= TimeSpan.Zero)
            {
                _sent.Enqueue(_clock.GetUtcNow());
                _tokens -= 1;
                return;
            }

            Waited += wait;
            SyncTelemetry.BudgetWait(wait);
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Wait(DateTimeOffset now)
    {
        while (_sent.Count > 0 && now - _sent.Peek() >= Window)
        {
            _sent.Dequeue();
        }

        var wait = _sent.Count >= _perHour ? _sent.Peek() + Window - now : TimeSpan.Zero;
        _tokens = Math.Min(_burst, _tokens + ((now - _refilled).TotalHours * _perHour));
        _refilled = now;
        if (_tokens < 1 - 1e-9)
        {
            // Whole milliseconds up: a wait rounded down would find the token a hair short and wait again.
            var refill = TimeSpan.FromMilliseconds(Math.Ceiling((1 - _tokens) / _perHour * Window.TotalMilliseconds));
            wait = refill > wait ? refill : wait;
        }

        if (_serverState() is { Remaining: { } remaining, Limit: { } limit, ResetsAt: { } resetsAt }
            && remaining <= Math.Max(0, limit - _perHour) && resetsAt > now && resetsAt - now > wait)
        {
            wait = resetsAt - now;
        }

        return wait;
    }
}
