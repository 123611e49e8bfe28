using System;

namespace Impact.ApiSubmissions;

/// <summary>How <see cref="ApiSubmissionsClient.GetApiSubmissionsAsync"/> reads the list.</summary>
public class ApiSubmissionListOptions
{
    /// <summary>How many submissions a page holds (<c>PageSize</c>). Default 1,000, impact.com's own default.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The 1-based page to start from (<c>Page</c>). Default 1.</summary>
    public int StartPage { get; set; } = 1;

    /// <summary>
    /// How many pages may be requested at once. Default 1 (one page after the other, following <c>@nextpageuri</c>).
    /// Above 1, the pages after the first are fetched ahead by number, at most this many requests in flight; a page
    /// whose bytes are in frees its request for the next one while it is parsed, and at most this many pages more wait
    /// to be read. They still come out in order, and memory stays bounded by twice this many pages.
    /// </summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Stops after this many pages; null reads to the end.</summary>
    public int? MaxPages { get; set; }

    /// <summary>
    /// Called with each page as the listing reaches it, in order, before its submissions are enumerated: progress
    /// (<see cref="ApiSubmissionPage.PageInfo"/>) and a <see cref="ApiSubmissionPage.ContinuationToken"/> to save, also
    /// while you enumerate submission by submission.
    /// </summary>
    public Action<ApiSubmissionPage>? PageReceived { get; set; }
}
