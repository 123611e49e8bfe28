using System;
using System.Collections.Generic;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>
/// Makes sure a listing ends whatever the server's links and metadata say: no page URI is requested twice,
/// page numbers only go up (in links and in <c>@page</c>), and the listing stops well past <c>@numpages</c>.
/// One instance per listing; used from one enumerator at a time.
/// </summary>
internal sealed class ListingGuard
{
    private readonly HashSet<string> _requested = new(StringComparer.Ordinal);
    private int? _lastNumber;
    private int? _limit;

    /// <param name="startPage">The number of the first page asked for; null when a link from the server leads to it (a continuation token).</param>
    public ListingGuard(int? startPage)
    {
        _startPage = startPage;
    }

    private int? _startPage;

    /// <summary>The number of the last page read (0 before the first).</summary>
    public int LastNumber => _lastNumber ?? 0;

    /// <summary>Pages read so far.</summary>
    public int PagesRead { get; private set; }

    /// <summary>The highest page number the listing may reach: <c>@numpages</c> of the first page that states it, plus room for pages added while listing.</summary>
    public int? Limit => _limit;

    /// <summary>Before a page is requested: refuses a URI already requested, or a page number that does not advance.</summary>
    /// <param name="uri">The page's URI.</param>
    /// <param name="number">The page number asked for by a generated request; null for a link from the server.</param>
    public void BeforeRequest(Uri uri, int? number)
    {
        if (_lastNumber is { } last && number is { } wanted && wanted <= last)
        {
            throw Runaway($"impact.com's next-page link leads back to page {wanted.ToString(CultureInfo.InvariantCulture)} after page {last.ToString(CultureInfo.InvariantCulture)}", uri);
        }

        if (!_requested.Add(uri.AbsoluteUri))
        {
            throw Runaway("impact.com's next-page link leads back to a page already read", uri);
        }

        // A link's number is known once its page is read, but it must come after the last page's: past the limit either way.
        var next = number ?? (_lastNumber ?? 0) + 1;
        if (_limit is { } limit && next > limit)
        {
            throw Runaway($"the listing ran well past @numpages (page {next.ToString(CultureInfo.InvariantCulture)}, limit {limit.ToString(CultureInfo.InvariantCulture)})", uri);
        }
    }

    /// <summary>After a page was read, in listing order: it is the page asked for, its number advances, and the listing stays within the limit.</summary>
    /// <param name="page">The page read.</param>
    /// <param name="uri">The page's URI.</param>
    /// <param name="asked">The page number asked for by a generated request; null for a link from the server.</param>
    public void AfterRead(IListingPage page, Uri uri, int? asked)
    {
        var info = page.PageInfo;
        Http.AnswerCheck.SamePage(info.Page, asked);
        PagesRead++;
        var number = info.Page ?? asked ?? (_lastNumber ?? 0) + 1;
        _startPage ??= number;
        if (_lastNumber is { } last && number <= last)
        {
            throw Runaway($"impact.com's page numbers do not advance (page {number.ToString(CultureInfo.InvariantCulture)} after page {last.ToString(CultureInfo.InvariantCulture)})", uri);
        }

        _lastNumber = number;
        if (_limit is null && info.NumPages is { } numPages)
        {
            // Records added while listing can add a few pages; far more than that is a server that does not stop.
            _limit = numPages + Math.Max(2, numPages / 4);
        }

        var reached = (_startPage ?? number) - 1 + PagesRead;
        if (_limit is { } limit && (number > limit || reached > limit))
        {
            throw Runaway($"the listing ran well past @numpages (page {Math.Max(number, reached).ToString(CultureInfo.InvariantCulture)}, limit {limit.ToString(CultureInfo.InvariantCulture)})", uri);
        }
    }

    private ImpactRunawayListingException Runaway(string why, Uri uri) =>
        new($"Listing stopped after {PagesRead.ToString(CultureInfo.InvariantCulture)} page{(PagesRead == 1 ? string.Empty : "s")}: {why} ({Serialization.WireText.Bound(uri.PathAndQuery, 200)}). "
            + "The pages before it were read; this is a problem on impact.com's side, so try again later.",
            PagesRead,
            uri.PathAndQuery);
}
