using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Impact.ApiSubmissions.Serialization;
using System.Threading;

namespace Impact.ApiSubmissions;

/// <summary>
/// The failed lines of one FTP file submission, shaped like <see cref="ApiSubmissionPageable"/>: enumerate it with
/// <c>await foreach</c> for the lines, or call <see cref="AsPages"/> for the pages. Nothing is sent until it is
/// enumerated, and each enumeration lists anew.
/// </summary>
public class FtpErrorDetailPageable : IAsyncEnumerable<FtpErrorDetail>
{
    private readonly Func<string?, int?, CancellationToken, IAsyncEnumerable<FtpErrorDetailPage>>? _pages;
    private readonly CancellationToken _cancellationToken;

    internal FtpErrorDetailPageable(Func<string?, int?, CancellationToken, IAsyncEnumerable<FtpErrorDetailPage>> pages, CancellationToken cancellationToken)
    {
        _pages = pages;
        _cancellationToken = cancellationToken;
    }

    /// <summary>For mocking only: override <see cref="AsPages"/>, or use <see cref="FromPages"/>.</summary>
    protected FtpErrorDetailPageable()
    {
    }

    /// <summary>
    /// The failed lines page by page, each with its metadata (<see cref="FtpErrorDetailPage.PageInfo"/>) and the token that
    /// resumes after it (<see cref="FtpErrorDetailPage.ContinuationToken"/>). Pages hold what the service sent.
    /// </summary>
    /// <param name="continuationToken">
    /// A <see cref="FtpErrorDetailPage.ContinuationToken"/> from an earlier listing of the same file, to resume after that
    /// page; null starts from <see cref="FtpErrorDetailListOptions.StartPage"/>.
    /// A token that leads elsewhere is refused with <see cref="ImpactOriginRefusedException"/> or <see cref="ArgumentException"/>.
    /// </param>
    /// <param name="pageSizeHint">The page size to ask for when starting; null uses <see cref="FtpErrorDetailListOptions.PageSize"/>.</param>
    /// <returns>The pages, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSizeHint"/> is less than 1.</exception>
    public virtual IAsyncEnumerable<FtpErrorDetailPage> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        Pageables.RequireHint(pageSizeHint);
        return (_pages ?? throw new InvalidOperationException("This FtpErrorDetailPageable was made with the protected constructor, for mocking: override AsPages."))
            (continuationToken, pageSizeHint, _cancellationToken);
    }

    /// <summary>
    /// Enumerates the failed lines of every page in the service's order, each line once: a line has no BatchId, so a
    /// record is a repeat only when it has a <see cref="FtpErrorDetail.Line"/> number and is the same in every field as one
    /// already on its page or the page before (a page boundary that shifted). Two lines that differ in any field, or that
    /// carry no line number, are both kept: a well-formed listing never loses a line.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration, with the token given when the listing was made.</param>
    /// <returns>The enumerator.</returns>
    public virtual IAsyncEnumerator<FtpErrorDetail> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Pageables.Distinct<FtpErrorDetailPage, FtpErrorDetail>(AsPages(), Key, cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>A listing over pages you already have, for tests of code that takes an <see cref="FtpErrorDetailPageable"/>.</summary>
    /// <param name="pages">The pages, in order; build them with <see cref="ApiSubmissionsModelFactory"/>.</param>
    /// <returns>A listing that gives these pages; a continuation token resumes after the page that carries it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is null.</exception>
    public static FtpErrorDetailPageable FromPages(IEnumerable<FtpErrorDetailPage> pages)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        var list = pages.ToList();
        return new FtpErrorDetailPageable((token, _, ct) => Pageables.InMemory(list, token, ct), CancellationToken.None);
    }

    // Every wire field, those the spec does not name included: only a record identical in all of them is a repeat.
    private static string? Key(FtpErrorDetail line) =>
        line.Line is { } number ? number.ToString(CultureInfo.InvariantCulture) + " " + ImpactJson.Serialize(line) : null;
}
