using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>
/// One page of any listing (submissions, FTP files, a file's failed lines): the records as impact.com sent them, the
/// page's metadata, and the token that resumes the listing after it.
/// </summary>
/// <typeparam name="T">The record type: <see cref="ApiSubmission"/>, <see cref="FtpFileSubmission"/> or <see cref="FtpErrorDetail"/>.</typeparam>
public sealed class ImpactPage<T>
{
    internal ImpactPage(IReadOnlyList<T> items, ImpactPageInfo pageInfo, string? continuationToken)
    {
        Items = items;
        PageInfo = pageInfo;
        ContinuationToken = continuationToken;
    }

    /// <summary>The page's records, in the service's order. A record that moved between two page reads can show on two pages.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The page's <c>@</c> metadata: its number, the page count and size, the total, the links.</summary>
    public ImpactPageInfo PageInfo { get; }

    /// <summary>Resumes the listing after this page: pass it to <see cref="ImpactPageable{T}.AsPages"/>. Null on the last page.</summary>
    public string? ContinuationToken { get; }
}
