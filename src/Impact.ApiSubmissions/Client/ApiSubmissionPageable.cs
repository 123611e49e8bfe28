using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

/// <summary>
/// A listing of submissions, in the shape of Azure's <c>AsyncPageable&lt;T&gt;</c>: enumerate it with
/// <c>await foreach</c> for the submissions, or call <see cref="AsPages"/> for the pages. Nothing is sent until it
/// is enumerated, and each enumeration lists anew.
/// </summary>
public class ApiSubmissionPageable : IAsyncEnumerable<ApiSubmission>
{
    private readonly Func<string?, int?, CancellationToken, IAsyncEnumerable<ApiSubmissionPage>>? _pages;
    private readonly CancellationToken _cancellationToken;

    internal ApiSubmissionPageable(Func<string?, int?, CancellationToken, IAsyncEnumerable<ApiSubmissionPage>> pages, CancellationToken cancellationToken)
    {
        _pages = pages;
        _cancellationToken = cancellationToken;
    }

    /// <summary>For mocking only: override <see cref="AsPages"/>, or use <see cref="FromPages"/>.</summary>
    protected ApiSubmissionPageable()
    {
    }

    /// <summary>
    /// The listing page by page, each with its metadata (<see cref="ApiSubmissionPage.PageInfo"/>) and the token that
    /// resumes after it (<see cref="ApiSubmissionPage.ContinuationToken"/>). Pages come in order, also when
    /// <see cref="ApiSubmissionListOptions.MaxConcurrency"/> fetches ahead. Pages hold what the service sent: a record
    /// that moved between two reads can show on both (enumerate the pageable itself for each BatchId once).
    /// </summary>
    /// <param name="continuationToken">
    /// A <see cref="ApiSubmissionPage.ContinuationToken"/> from an earlier listing of the same account, to resume after
    /// that page (after a crash or a long pause); null starts from <see cref="ApiSubmissionListOptions.StartPage"/>.
    /// A token that leads elsewhere is refused with <see cref="ImpactOriginRefusedException"/> or <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="pageSizeHint">The page size to ask for when starting; null uses <see cref="ApiSubmissionListOptions.PageSize"/>. A continuation token keeps the page size it was made with, so that pages do not shift.</param>
    /// <returns>The pages, in order.</returns>
    public virtual IAsyncEnumerable<ApiSubmissionPage> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        Pageables.RequireHint(pageSizeHint);
        return (_pages ?? throw new InvalidOperationException("This ApiSubmissionPageable was made with the protected constructor, for mocking: override AsPages."))
            (continuationToken, pageSizeHint, _cancellationToken);
    }

    /// <summary>Enumerates the submissions of every page, each BatchId once (records shift between two page reads), in the service's order.</summary>
    /// <param name="cancellationToken">Cancels the enumeration, with the token given when the listing was made.</param>
    /// <returns>The enumerator.</returns>
    public virtual IAsyncEnumerator<ApiSubmission> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Pageables.Distinct<ApiSubmissionPage, ApiSubmission>(AsPages(), s => s.BatchId, cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>A listing over pages you already have, for tests of code that takes an <see cref="ApiSubmissionPageable"/>.</summary>
    /// <param name="pages">The pages, in order; build them with <see cref="ApiSubmissionsModelFactory"/>.</param>
    /// <returns>A listing that gives these pages; a continuation token resumes after the page that carries it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is null.</exception>
    public static ApiSubmissionPageable FromPages(IEnumerable<ApiSubmissionPage> pages)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        var list = pages.ToList();
        return new ApiSubmissionPageable((token, _, ct) => Pageables.InMemory(list, token, ct), CancellationToken.None);
    }
}
