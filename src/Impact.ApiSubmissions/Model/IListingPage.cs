using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>What the one paging engine needs of any impact.com list page: its metadata and its next-page link.</summary>
internal interface IListingPage
{
    ImpactPageInfo PageInfo { get; }

    string? ContinuationToken { get; }
}

/// <summary>A list page with its records, whichever array name the wire gives them.</summary>
internal interface IListingPage<out TItem> : IListingPage
{
    IReadOnlyList<TItem> Items { get; }
}
