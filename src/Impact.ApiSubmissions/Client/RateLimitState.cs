using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

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

    /// <summary>Reads the headers of a response; null when it carries none of them.</summary>
    /// <param name="response">The response.</param>
    /// <param name="now">The time the response arrived.</param>
    /// <returns>The state, or null.</returns>
    internal static RateLimitState? FromResponse(HttpResponseMessage response, DateTimeOffset now)
    {
        var limit = Int(response.Headers, "X-RateLimit-Limit");
        var remaining = Int(response.Headers, "X-RateLimit-Remaining");
        var reset = ResetDelay(response.Headers, now);
        TimeSpan? retryAfter = null;
        if (response.Headers.RetryAfter is { } ra)
        {
            retryAfter = ra.Delta ?? (ra.Date.HasValue ? ra.Date.Value - now : null);
            if (retryAfter < TimeSpan.Zero)
            {
                retryAfter = TimeSpan.Zero;
            }
        }

        if (limit is null && remaining is null && reset is null && retryAfter is null)
        {
            return null;
        }

        return new RateLimitState(limit, remaining, reset, retryAfter, now);
    }

    // Documented as seconds until the reset, but impact.com's own example (1487332519) is a Unix time: a value above
    // one billion seconds (31 years) can only be a point in time.
    private static TimeSpan? ResetDelay(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.TryGetValues("X-RateLimit-Reset", out var values)
            || !long.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var seconds = value > 1_000_000_000 ? value - now.ToUnixTimeSeconds() : value;
        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }

    private static int? Int(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
