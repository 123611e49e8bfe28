using System;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

/// <summary>A delay on a <see cref="TimeProvider"/>, on every target framework.</summary>
internal static class SyncDelay
{
    public static Task Wait(TimeProvider clock, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, clock, cancellationToken);
#else
        clock.Delay(delay, cancellationToken);
#endif
}
