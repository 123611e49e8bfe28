using System;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>
/// A page's <c>@</c> metadata, which impact.com writes as strings, read as numbers and URIs.
/// A value that is absent, empty or not a number reads as null.
/// </summary>
public sealed class ImpactPageInfo
{
    // Every impact.com list page (API submissions, FTP files, a file's failed lines) carries the same '@' members.
    internal ImpactPageInfo(string? page, string? numPages, string? pageSize, string? total, string? start, string? end,
        string? uri, string? firstPageUri, string? previousPageUri, string? nextPageUri, string? lastPageUri)
    {
        Page = Number(page);
        NumPages = Number(numPages);
        PageSize = Number(pageSize);
        Total = Number(total);
        Start = Number(start);
        End = Number(end);
        Uri = Relative(uri);
        FirstPageUri = Relative(firstPageUri);
        PreviousPageUri = Relative(previousPageUri);
        NextPageUri = Relative(nextPageUri);
        LastPageUri = Relative(lastPageUri);
    }

    /// <summary>This page's 1-based number (<c>@page</c>).</summary>
    public int? Page { get; }

    /// <summary>How many pages the list has (<c>@numpages</c>).</summary>
    public int? NumPages { get; }

    /// <summary>How many submissions a page holds (<c>@pagesize</c>).</summary>
    public int? PageSize { get; }

    /// <summary>How many submissions the list has in all (<c>@total</c>).</summary>
    public int? Total { get; }

    /// <summary>The 0-based index of this page's first submission (<c>@start</c>).</summary>
    public int? Start { get; }

    /// <summary>The 0-based index of this page's last submission (<c>@end</c>).</summary>
    public int? End { get; }

    /// <summary>This page's path and query (<c>@uri</c>), relative to the base address.</summary>
    public Uri? Uri { get; }

    /// <summary>The first page's path and query (<c>@firstpageuri</c>).</summary>
    public Uri? FirstPageUri { get; }

    /// <summary>The previous page's path and query (<c>@previouspageuri</c>); null on the first page.</summary>
    public Uri? PreviousPageUri { get; }

    /// <summary>The next page's path and query (<c>@nextpageuri</c>); null on the last page.</summary>
    public Uri? NextPageUri { get; }

    /// <summary>The last page's path and query (<c>@lastpageuri</c>).</summary>
    public Uri? LastPageUri { get; }

    /// <summary>True when <see cref="NextPageUri"/> names another page.</summary>
    public bool HasNextPage => NextPageUri is not null;

    /// <summary>A page's continuation token: its <c>@nextpageuri</c>, trimmed, or null on the last page.</summary>
    internal static string? Token(string? nextPageUri) => string.IsNullOrWhiteSpace(nextPageUri) ? null : nextPageUri!.Trim();

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Uri? Relative(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return System.Uri.TryCreate(text!.Trim(), UriKind.RelativeOrAbsolute, out var uri) ? uri : null;
    }
}
