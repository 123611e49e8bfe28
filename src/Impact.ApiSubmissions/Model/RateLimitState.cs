using System;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>
/// The rate-limit headers of one response: impact.com allows by default 1,000 requests an hour per account.
/// </summary>
public sealed class RateLimitState
{
    /// <summary>Creates a state (users build one with <see cref="ApiSubmissionsModelFactory"/>).</summary>
    /// <param name="limit">Requests allowed in the window.</param>
    /// <param name="remaining">Requests left in the window.</param>
    /// <param name="resetAfter">Time until the window resets.</param>
    /// <param name="retryAfter">How long the service asked to wait (<c>Retry-After</c>), when it did.</param>
    /// <param name="observedAt">When the response carrying these values arrived.</param>
    internal RateLimitState(int? limit, int? remaining, TimeSpan? resetAfter, TimeSpan? retryAfter, DateTimeOffset observedAt)
    {
        Limit = limit;
        Remaining = remaining;
        ResetAfter = resetAfter;
        RetryAfter = retryAfter;
        ObservedAt = observedAt;
    }

    /// <summary>Requests allowed in the current window (<c>X-RateLimit-Limit</c>).</summary>
    public int? Limit { get; }

    /// <summary>Requests left in the current window (<c>X-RateLimit-Remaining</c>).</summary>
    public int? Remaining { get; }

    /// <summary>Time until the window resets (<c>X-RateLimit-Reset</c>: seconds on the wire, or a Unix time when above one billion), counted from <see cref="ObservedAt"/>.</summary>
    public TimeSpan? ResetAfter { get; }

    /// <summary>How long the service asked to wait (<c>Retry-After</c>), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>When the response carrying these values arrived.</summary>
    public DateTimeOffset ObservedAt { get; }

    /// <summary>When the window resets, if the service said.</summary>
    public DateTimeOffset? ResetsAt => ResetAfter.HasValue ? ObservedAt + ResetAfter.Value : null;

    /// <summary>How long to wait before retrying: <see cref="RetryAfter"/>, else <see cref="ResetAfter"/>, else null.</summary>
    public TimeSpan? SuggestedDelay => RetryAfter ?? ResetAfter;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Remaining?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{Limit?.ToString(CultureInfo.InvariantCulture) ?? "?"} left"
        + (ResetAfter.HasValue ? $", resets in {ResetAfter.Value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s" : string.Empty);
}
