using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

/// <summary>
/// Paces a sync: at most <c>perHour</c> requests in any rolling hour, and a pause until the service's window resets
/// when its rate-limit headers say that fewer than (limit - perHour) requests are left, so the budget is a share of the
/// account's quota whoever else spends it.
/// </summary>
internal sealed class RequestBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly int _perHour;
    private readonly TimeProvider _clock;
    private readonly Func<RateLimitState?> _serverState;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public RequestBudget(int perHour, TimeProvider clock, Func<RateLimitState?> serverState, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _perHour = perHour;
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
        if (_serverState() is { Remaining: { } remaining, Limit: { } limit, ResetsAt: { } resetsAt }
            && remaining <= Math.Max(0, limit - _perHour) && resetsAt > now && resetsAt - now > wait)
        {
            wait = resetsAt - now;
        }

        return wait;
    }
}
