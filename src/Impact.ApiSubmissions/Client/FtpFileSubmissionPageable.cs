using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Impact.ApiSubmissions;

/// <summary>
/// A listing of FTP file submissions, shaped like <see cref="ApiSubmissionPageable"/>: enumerate it with
/// <c>await foreach</c> for the files (each BatchId once), or call <see cref="AsPages"/> for the pages. Nothing is
/// sent until it is enumerated, and each enumeration lists anew.
/// </summary>
public class FtpFileSubmissionPageable : IAsyncEnumerable<FtpFileSubmission>
{
    private readonly Func<string?, int?, CancellationToken, IAsyncEnumerable<FtpFileSubmissionPage>>? _pages;
    private readonly CancellationToken _cancellationToken;

    internal FtpFileSubmissionPageable(Func<string?, int?, CancellationToken, IAsyncEnumerable<FtpFileSubmissionPage>> pages, CancellationToken cancellationToken)
    {
        _pages = pages;
        _cancellationToken = cancellationToken;
    }

    /// <summary>For mocking only: override <see cref="AsPages"/>, or use <see cref="FromPages"/>.</summary>
    protected FtpFileSubmissionPageable()
    {
    }

    /// <summary>
    /// The listing page by page, each with its metadata (<see cref="FtpFileSubmissionPage.PageInfo"/>) and the token that
    /// resumes after it (<see cref="FtpFileSubmissionPage.ContinuationToken"/>). Pages hold what the service sent: a file
    /// that moved between two reads can show on both (enumerate the pageable itself for each BatchId once).
    /// </summary>
    /// <param name="continuationToken">
    /// A <see cref="FtpFileSubmissionPage.ContinuationToken"/> from an earlier listing of the same account, to resume after
    /// that page (it keeps the listing's date filters); null starts from <see cref="FtpSubmissionListOptions.StartPage"/>.
    /// A token that leads elsewhere is refused with <see cref="ImpactOriginRefusedException"/> or <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="pageSizeHint">The page size to ask for when starting; null uses <see cref="FtpSubmissionListOptions.PageSize"/>.</param>
    /// <returns>The pages, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSizeHint"/> is less than 1.</exception>
    public virtual IAsyncEnumerable<FtpFileSubmissionPage> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        Pageables.RequireHint(pageSizeHint);
        return (_pages ?? throw new InvalidOperationException("This FtpFileSubmissionPageable was made with the protected constructor, for mocking: override AsPages."))
            (continuationToken, pageSizeHint, _cancellationToken);
    }

    /// <summary>Enumerates the files of every page, each BatchId once (records shift between two page reads), in the service's order.</summary>
    /// <param name="cancellationToken">Cancels the enumeration, with the token given when the listing was made.</param>
    /// <returns>The enumerator.</returns>
    public virtual IAsyncEnumerator<FtpFileSubmission> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Pageables.Distinct<FtpFileSubmissionPage, FtpFileSubmission>(AsPages(), f => f.BatchId, cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>A listing over pages you already have, for tests of code that takes an <see cref="FtpFileSubmissionPageable"/>.</summary>
    /// <param name="pages">The pages, in order; build them with <see cref="ApiSubmissionsModelFactory"/>.</param>
    /// <returns>A listing that gives these pages; a continuation token resumes after the page that carries it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is null.</exception>
    public static FtpFileSubmissionPageable FromPages(IEnumerable<FtpFileSubmissionPage> pages)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        var list = pages.ToList();
        return new FtpFileSubmissionPageable((token, _, ct) => Pageables.InMemory(list, token, ct), CancellationToken.None);
    }
}
