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

    public ListingGuard(int startPage)
    {
        StartPage = startPage;
    }

    public int StartPage { get; }

    /// <summary>Pages read so far.</summary>
    public int PagesRead { get; private set; }

    /// <summary>The highest page number the listing may reach: <c>@numpages</c> of the first page that states it, plus room for pages added while listing.</summary>
    public int? Limit => _limit;

    /// <summary>Before a page is requested: refuses a URI already requested, or a page number that does not advance.</summary>
    public void BeforeRequest(Uri uri)
    {
        var number = PageNumber(uri);
        if (_lastNumber is { } last && number is { } wanted && wanted <= last)
        {
            throw Runaway($"impact.com's next-page link leads back to page {wanted.ToString(CultureInfo.InvariantCulture)} after page {last.ToString(CultureInfo.InvariantCulture)}", uri);
        }

        if (!_requested.Add(uri.AbsoluteUri))
        {
            throw Runaway("impact.com's next-page link leads back to a page already read", uri);
        }

        if (_limit is { } limit && number > limit)
        {
            throw Runaway($"the listing ran well past @numpages (page {number.Value.ToString(CultureInfo.InvariantCulture)}, limit {limit.ToString(CultureInfo.InvariantCulture)})", uri);
        }
    }

    /// <summary>After a page was read, in listing order: its number must advance, and the listing must stay within the limit.</summary>
    public void AfterRead(IListingPage page, Uri uri)
    {
        var info = page.PageInfo;
        Http.AnswerCheck.SamePage(info.Page, PageNumber(uri));
        PagesRead++;
        var number = info.Page ?? PageNumber(uri) ?? (_lastNumber ?? StartPage - 1) + 1;
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

        var reached = StartPage - 1 + PagesRead;
        if (_limit is { } limit && (number > limit || reached > limit))
        {
            throw Runaway($"the listing ran well past @numpages (page {Math.Max(number, reached).ToString(CultureInfo.InvariantCulture)}, limit {limit.ToString(CultureInfo.InvariantCulture)})", uri);
        }
    }

    /// <summary>The <c>Page</c> query parameter of a page URI, when it has one.</summary>
    internal static int? PageNumber(Uri uri)
    {
        foreach (var part in uri.Query.TrimStart('?').Split('&'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && string.Equals(part.Substring(0, eq), "Page", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(Uri.UnescapeDataString(part.Substring(eq + 1)), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    private ImpactRunawayListingException Runaway(string why, Uri uri) =>
        new($"Listing stopped after {PagesRead.ToString(CultureInfo.InvariantCulture)} page{(PagesRead == 1 ? string.Empty : "s")}: {why} ({Serialization.WireText.Bound(uri.PathAndQuery, 200)}). "
            + "The pages before it were read; this is a problem on impact.com's side, so try again later.",
            PagesRead,
            uri.PathAndQuery);
}
