using System;
using Impact.ApiSubmissions.Http;

namespace Impact.ApiSubmissions;

/// <summary>
/// One listing's validated settings for the shared paging engine: which list (the generated request of any of its
/// pages, filters included), the page size, where to start and when to stop. Built from a caller's options when the
/// listing is made, and never changed.
/// </summary>
/// <typeparam name="TPage">The list's page model.</typeparam>
/// <param name="method">The public method that lists, named in messages.</param>
/// <param name="page">The generated request of page N with page size S, with the listing's filters.</param>
/// <param name="pageSize">The page size; at least 1.</param>
/// <param name="startPage">The 1-based first page.</param>
/// <param name="maxConcurrency">Pages in flight at once; 1 to 16.</param>
/// <param name="maxPages">Pages to read at most; null for all.</param>
/// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named as <c>options</c>, the caller's parameter).</exception>
internal sealed class ListingPlan<TPage>(string method, Func<int, int, ImpactRequest<TPage>> page, int pageSize, int startPage, int maxConcurrency, int? maxPages)
    where TPage : class, IListingPage
{
    public string Method { get; } = method;

    public int PageSize { get; } = pageSize >= 1 ? pageSize : throw OutOfRange(pageSize, "PageSize must be at least 1.");

    public int StartPage { get; } = startPage >= 1 ? startPage : throw OutOfRange(startPage, "StartPage is 1-based and must be at least 1.");

    public int MaxConcurrency { get; } = maxConcurrency is >= 1 and <= 16 ? maxConcurrency : throw OutOfRange(maxConcurrency, "MaxConcurrency must be between 1 and 16.");

    public int? MaxPages { get; } = maxPages is null or >= 1 ? maxPages : throw OutOfRange(maxPages, "MaxPages must be at least 1 when set.");

    /// <summary>The request of the first page: its operation, Accept header and path also serve the pages reached by links.</summary>
    public ImpactRequest<TPage> First { get; } = page(startPage, pageSize);

    /// <summary>The generated request of one page.</summary>
    public ImpactRequest<TPage> Page(int number, int size) => page(number, size);

    private static ArgumentOutOfRangeException OutOfRange(int? value, string message) => new("options", value, message);
}
