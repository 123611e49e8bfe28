using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Impact.ApiSubmissions.Http;

/// <summary>Reads impact.com's rate-limit headers (<c>X-RateLimit-*</c>, <c>Retry-After</c>) into a <see cref="RateLimitState"/>.</summary>
internal static class RateLimitHeaders
{
    /// <summary>Reads the headers of a response; null when it carries none of them.</summary>
    /// <param name="response">The response.</param>
    /// <param name="now">The time the response arrived.</param>
    /// <returns>The state, or null.</returns>
    public static RateLimitState? Read(HttpResponseMessage response, DateTimeOffset now)
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
