using System;

namespace Impact.ApiSubmissions;

/// <summary>
/// What every listing takes: the page size, where to start, a page limit and a callback per page. Read once, when the
/// listing is made. <see cref="ApiSubmissionListOptions"/> and <see cref="FtpSubmissionListOptions"/> add their own.
/// </summary>
/// <typeparam name="T">The record type of the listing.</typeparam>
public class ListOptions<T>
{
    /// <summary>How many records a page holds (impact.com's <c>PageSize</c>); at least 1. Default 1,000.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The 1-based page to start from. Default 1.</summary>
    public int StartPage { get; set; } = 1;

    /// <summary>Stop after this many pages; null (the default) reads every page.</summary>
    public int? MaxPages { get; set; }

    /// <summary>Called with each page as it arrives, before its records are enumerated (for progress: <see cref="ImpactPageInfo.Total"/>).</summary>
    public Action<ImpactPage<T>>? PageReceived { get; set; }
}
