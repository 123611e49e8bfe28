using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>
/// A clock a test moves by hand. Its timers fire only when <see cref="Advance"/> reaches them, and every timer
/// created is recorded with its due time: how long code waited is read from here, never measured.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = new();
    private readonly List<TimeSpan> _scheduled = new();
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>The due time of every timer created so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Scheduled
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.ToList();
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> timers were created.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        while (true)
        {
            Task created;
            lock (_gate)
            {
                if (_scheduled.Count >= count)
                {
                    return;
                }

                created = _timerCreated.Task;
            }

            await created.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Moves the clock and fires the timers now due.</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.Due <= _now).ToList();
            _timers.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _scheduled.Add(dueTime);
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : _now + dueTime;
            _timers.Add(timer);
            var created = _timerCreated;
            _timerCreated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            created.SetResult();
        }

        return timer;
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock._now + dueTime;
                if (!clock._timers.Contains(this))
                {
                    clock._timers.Add(this);
                }
            }

            return true;
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
