using System;
using Impact.ApiSubmissions.Http;

namespace Impact.ApiSubmissions;

/// <summary>
/// One listing's validated settings for the shared paging engine: which list (the generated request of any of its
/// pages, filters included), the page size, where to start and when to stop. Built from a caller's options when the
/// listing is made, and never changed.
/// </summary>
/// <typeparam name="TPage">The list's page model.</typeparam>
internal sealed class ListingPlan<TPage>
    where TPage : class, IListingPage
{
    private readonly Func<int, int, ImpactRequest<TPage>> _page;

    /// <param name="method">The public method that lists, named in messages.</param>
    /// <param name="page">The generated request of page N with page size S, with the listing's filters.</param>
    /// <param name="pageSize">The page size; at least 1.</param>
    /// <param name="startPage">The 1-based first page.</param>
    /// <param name="maxConcurrency">Pages in flight at once; 1 to 16.</param>
    /// <param name="maxPages">Pages to read at most; null for all.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named as <c>options</c>, the caller's parameter).</exception>
    public ListingPlan(string method, Func<int, int, ImpactRequest<TPage>> page, int pageSize, int startPage, int maxConcurrency, int? maxPages)
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
        _page = page;
        PageSize = pageSize;
        StartPage = startPage;
        MaxConcurrency = maxConcurrency;
        MaxPages = maxPages;
        First = page(startPage, pageSize);
    }

    public string Method { get; }

    public int PageSize { get; }

    public int StartPage { get; }

    public int MaxConcurrency { get; }

    public int? MaxPages { get; }

    /// <summary>The request of the first page: its operation, Accept header and path also serve the pages reached by links.</summary>
    public ImpactRequest<TPage> First { get; }

    /// <summary>The generated request of one page.</summary>
    public ImpactRequest<TPage> Page(int page, int pageSize) => _page(page, pageSize);
}
