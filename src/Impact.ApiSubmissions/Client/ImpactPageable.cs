using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Impact.ApiSubmissions;

/// <summary>
/// Any listing of impact.com (submissions, FTP files, a file's failed lines), in the shape of Azure's
/// <c>AsyncPageable&lt;T&gt;</c>: enumerate it with <c>await foreach</c> for the records, or call <see cref="AsPages"/>
/// for the pages. Nothing is sent until it is enumerated, and each enumeration lists anew. Every listing always ends:
/// see <see cref="ImpactRunawayListingException"/>.
/// </summary>
/// <typeparam name="T">The record type: <see cref="ApiSubmission"/>, <see cref="FtpFileSubmission"/> or <see cref="FtpErrorDetail"/>.</typeparam>
public class ImpactPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, int?, CancellationToken, IAsyncEnumerable<ImpactPage<T>>>? _pages;
    private readonly CancellationToken _cancellationToken;

    internal ImpactPageable(Func<string?, int?, CancellationToken, IAsyncEnumerable<ImpactPage<T>>> pages, CancellationToken cancellationToken)
    {
        _pages = pages;
        _cancellationToken = cancellationToken;
    }

    /// <summary>For mocking only: override <see cref="AsPages"/>, or use <see cref="FromPages"/>.</summary>
    protected ImpactPageable()
    {
    }

    /// <summary>
    /// The listing page by page, each with its metadata (<see cref="ImpactPage{T}.PageInfo"/>) and the token that resumes
    /// after it (<see cref="ImpactPage{T}.ContinuationToken"/>). Pages come in order, also when
    /// <see cref="ApiSubmissionListOptions.MaxConcurrency"/> fetches ahead. Pages hold what the service sent: a record that
    /// moved between two reads can show on both (enumerate the pageable itself for each record once).
    /// </summary>
    /// <param name="continuationToken">
    /// A <see cref="ImpactPage{T}.ContinuationToken"/> from an earlier listing of the same list, to resume after that page
    /// (after a crash or a long pause); null starts from <see cref="ListOptions{T}.StartPage"/>. A token that leads
    /// elsewhere is refused with <see cref="ImpactOriginRefusedException"/> or <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="pageSizeHint">The page size to ask for when starting; null uses <see cref="ListOptions{T}.PageSize"/>. A continuation token keeps the page size it was made with, so that pages do not shift.</param>
    /// <returns>The pages, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSizeHint"/> is less than 1.</exception>
    public virtual IAsyncEnumerable<ImpactPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        Pageables.RequireHint(pageSizeHint);
        return (_pages ?? throw new InvalidOperationException($"This {nameof(ImpactPageable<T>)} was made with the protected constructor, for mocking: override AsPages."))
            (continuationToken, pageSizeHint, _cancellationToken);
    }

    /// <summary>
    /// Enumerates the records of every page in the service's order, each once: records shift between two page reads, so
    /// a record already on the page before is not yielded again. A submission or a file is the same record when its
    /// BatchId is; a failed line of a file when it has a line number and is the same in every field (a line has no id),
    /// so two lines that differ in anything are both kept.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration, with the token given when the listing was made.</param>
    /// <returns>The enumerator.</returns>
    public virtual IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Pageables.Distinct(AsPages(), ListingKey<T>.Of, cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>A listing over pages you already have, for tests of code that takes an <see cref="ImpactPageable{T}"/>.</summary>
    /// <param name="pages">The pages, in order; build them with <see cref="ApiSubmissionsModelFactory.Page{T}"/>.</param>
    /// <returns>A listing that gives these pages; a continuation token resumes after the page that carries it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is null.</exception>
    public static ImpactPageable<T> FromPages(IEnumerable<ImpactPage<T>> pages)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        var list = pages.ToList();
        return new ImpactPageable<T>((token, _, ct) => Pageables.InMemory(list, token, ct), CancellationToken.None);
    }
}
