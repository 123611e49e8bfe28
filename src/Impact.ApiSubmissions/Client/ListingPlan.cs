using System;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>
/// One listing's validated settings for the shared paging engine: which list (its path and filters), the page size,
/// where to start and when to stop. Built from a caller's options when the listing is made, and never changed.
/// </summary>
internal sealed class ListingPlan
{
    private readonly string _filters;

    /// <param name="method">The public method that lists, named in messages.</param>
    /// <param name="listPath">The list's relative path without a query, e.g. <c>Advertisers/IR1/APISubmissions</c>.</param>
    /// <param name="filters">Query parameters the first page carries after <c>Page</c> and <c>PageSize</c>, each as <c>&amp;Name=escaped</c>; empty for none.</param>
    /// <param name="pageSize">The page size; at least 1.</param>
    /// <param name="startPage">The 1-based first page.</param>
    /// <param name="maxConcurrency">Pages in flight at once; 1 to 16.</param>
    /// <param name="maxPages">Pages to read at most; null for all.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named as <c>options</c>, the caller's parameter).</exception>
    public ListingPlan(string method, string listPath, string filters, int pageSize, int startPage, int maxConcurrency, int? maxPages)
    {
        if (pageSize < 1)
        {
            throw new ArgumentOutOfRangeException("options", pageSize, "PageSize must be at least 1.");
        }

        if (startPage < 1)
        {
            throw new ArgumentOutOfRangeException("options", startPage, "StartPage is 1-based and must be at least 1.");
        }

        if (maxConcurrency < 1 || maxConcurrency > 16)
        {
            throw new ArgumentOutOfRangeException("options", maxConcurrency, "MaxConcurrency must be between 1 and 16.");
        }

        if (maxPages is < 1)
        {
            throw new ArgumentOutOfRangeException("options", maxPages, "MaxPages must be at least 1 when set.");
        }

        Method = method;
        ListPath = listPath;
        _filters = filters;
        PageSize = pageSize;
        StartPage = startPage;
        MaxConcurrency = maxConcurrency;
        MaxPages = maxPages;
    }

    public string Method { get; }

    public string ListPath { get; }

    public int PageSize { get; }

    public int StartPage { get; }

    public int MaxConcurrency { get; }

    public int? MaxPages { get; }

    /// <summary>The relative path and query of a page when starting a listing.</summary>
    public string FirstPage(int page, int pageSize) =>
        ListPath + "?Page=" + page.ToString(CultureInfo.InvariantCulture) + "&PageSize=" + pageSize.ToString(CultureInfo.InvariantCulture) + _filters;
}
