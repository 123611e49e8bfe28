using System;
using System.Collections.Generic;
using System.Linq;

namespace Impact.ApiSubmissions;

// One method per generated model comes from Templates/Class.liquid; these are the hand-written views'.
public static partial class ApiSubmissionsModelFactory
{
    /// <summary>
    /// The first parameter of every method generated from the spec, so that its values are passed by name
    /// (<c>ApiSubmission(batchId: "A-1", status: SubmissionStatus.Complete)</c>): those parameters follow the spec's
    /// order, and a field impact.com adds anywhere in a schema then moves no caller's argument. Leave it out.
    /// </summary>
    public readonly struct NamedArgumentsOnly
    {
    }

    /// <summary>A page of any listing, e.g. for <see cref="ImpactPageable{T}.FromPages"/> in a test of code that takes a listing.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="items">The page's records; none when null.</param>
    /// <param name="page">The page number (<c>@page</c>).</param>
    /// <param name="numPages">The page count (<c>@numpages</c>).</param>
    /// <param name="pageSize">The page size (<c>@pagesize</c>).</param>
    /// <param name="total">The record count of the whole listing (<c>@total</c>).</param>
    /// <param name="continuationToken">The token that resumes after this page; null for the last page.</param>
    /// <returns>The page.</returns>
    public static ImpactPage<T> Page<T>(
        IEnumerable<T>? items = null,
        int? page = null,
        int? numPages = null,
        int? pageSize = null,
        int? total = null,
        string? continuationToken = null) =>
        new(
            (items ?? Enumerable.Empty<T>()).ToList(),
            new ImpactPageInfo(Text(page), Text(numPages), Text(pageSize), Text(total), null, null, null, null, null, continuationToken, null),
            ImpactPageInfo.Token(continuationToken));

    /// <summary>Rate-limit headers of a response, as <see cref="ApiSubmissionsClient.RateLimit"/> and <see cref="ImpactApiException.RateLimit"/> carry them.</summary>
    /// <param name="limit">Requests allowed in the window.</param>
    /// <param name="remaining">Requests left in the window.</param>
    /// <param name="resetAfter">Time until the window resets.</param>
    /// <param name="retryAfter">How long the service asked to wait (<c>Retry-After</c>).</param>
    /// <param name="observedAt">When the response arrived; null for now.</param>
    /// <returns>The state.</returns>
    public static RateLimitState RateLimitState(int? limit = null, int? remaining = null, TimeSpan? resetAfter = null, TimeSpan? retryAfter = null, DateTimeOffset? observedAt = null) =>
        new(limit, remaining, resetAfter, retryAfter, observedAt ?? DateTimeOffset.UtcNow);

    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
