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

    /// <summary>A page of a listing, e.g. for <see cref="ApiSubmissionPageable.FromPages"/>.</summary>
    /// <param name="submissions">The submissions on the page.</param>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="numPages">How many pages the list has.</param>
    /// <param name="pageSize">How many submissions a page holds.</param>
    /// <param name="total">How many submissions the list has.</param>
    /// <param name="continuationToken">The next page's path (<c>@nextpageuri</c>); null on the last page.</param>
    /// <returns>The page.</returns>
    public static ApiSubmissionPage ApiSubmissionPage(
        IEnumerable<ApiSubmission>? submissions = null,
        int? page = null,
        int? numPages = null,
        int? pageSize = null,
        int? total = null,
        string? continuationToken = null) => new()
    {
        APISubmissions = (submissions ?? Enumerable.Empty<ApiSubmission>()).ToList(),
        Page = Text(page),
        Numpages = Text(numPages),
        Pagesize = Text(pageSize),
        Total = Text(total),
        Nextpageuri = continuationToken ?? string.Empty,
    };

    /// <summary>A page of FTP file submissions, e.g. for <see cref="FtpFileSubmissionPageable.FromPages"/>.</summary>
    /// <param name="fileSubmissions">The file submissions on the page.</param>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="numPages">How many pages the list has.</param>
    /// <param name="pageSize">How many files a page holds.</param>
    /// <param name="total">How many files the list has.</param>
    /// <param name="continuationToken">The next page's path (<c>@nextpageuri</c>); null on the last page.</param>
    /// <returns>The page.</returns>
    public static FtpFileSubmissionPage FtpFileSubmissionPage(
        IEnumerable<FtpFileSubmission>? fileSubmissions = null,
        int? page = null,
        int? numPages = null,
        int? pageSize = null,
        int? total = null,
        string? continuationToken = null) => new()
    {
        FTPFileSubmissions = (fileSubmissions ?? Enumerable.Empty<FtpFileSubmission>()).ToList(),
        Page = Text(page),
        Numpages = Text(numPages),
        Pagesize = Text(pageSize),
        Total = Text(total),
        Nextpageuri = continuationToken ?? string.Empty,
    };

    /// <summary>A page of a file's failed lines, e.g. for <see cref="FtpErrorDetailPageable.FromPages"/>.</summary>
    /// <param name="errorDetails">The failed lines on the page.</param>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="numPages">How many pages the list has.</param>
    /// <param name="pageSize">How many lines a page holds.</param>
    /// <param name="total">How many lines the list has.</param>
    /// <param name="continuationToken">The next page's path (<c>@nextpageuri</c>); null on the last page.</param>
    /// <returns>The page.</returns>
    public static FtpErrorDetailPage FtpErrorDetailPage(
        IEnumerable<FtpErrorDetail>? errorDetails = null,
        int? page = null,
        int? numPages = null,
        int? pageSize = null,
        int? total = null,
        string? continuationToken = null) => new()
    {
        ErrorDetail = (errorDetails ?? Enumerable.Empty<FtpErrorDetail>()).ToList(),
        Page = Text(page),
        Numpages = Text(numPages),
        Pagesize = Text(pageSize),
        Total = Text(total),
        Nextpageuri = continuationToken ?? string.Empty,
    };

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
