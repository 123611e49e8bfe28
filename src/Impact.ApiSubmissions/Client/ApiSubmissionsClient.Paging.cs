using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionsClient
{
    /// <summary>
    /// Streams every submission of the credentials' account, page after page, following <c>@nextpageuri</c> until it is empty.
    /// Each page is read asynchronously, then parsed; memory stays bounded by the pages in flight, whatever the total.
    /// A BatchId that shows up again on the next page (records shift while listing) is yielded once. The listing always ends:
    /// see <see cref="ImpactRunawayListingException"/>.
    /// impact.com discourages this call for its size: prefer <see cref="GetApiSubmissionAsync(string, CancellationToken)"/> when you know the BatchId.
    /// </summary>
    /// <param name="options">Page size, start page, prefetch; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the listing. Stopping the enumeration early also cancels requests in flight.</param>
    /// <returns>The submissions, in the service's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (thrown before any request).</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status.</exception>
    /// <exception cref="ImpactWireFormatException">A page is not valid JSON of a page.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">A page did not arrive within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">A <c>@nextpageuri</c> leads to another origin or account; nothing was sent there.</exception>
    /// <exception cref="ImpactRunawayListingException">The paging does not lead to an end: a link back to a page already read, page numbers that do not advance, or far more pages than <c>@numpages</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<ApiSubmission> ListAllApiSubmissionsAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var validated = Validate(options);
        RequireCredentials();
        return ListAllCore(validated, cancellationToken);
    }

    /// <summary>
    /// Streams the list page by page, with each page's metadata (<see cref="ApiSubmissionPage.PageInfo"/>).
    /// Pages come in order even when <see cref="ApiSubmissionListOptions.MaxConcurrency"/> fetches ahead.
    /// </summary>
    /// <param name="options">Page size, start page, prefetch; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the listing. Stopping the enumeration early also cancels requests in flight.</param>
    /// <returns>The pages, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (thrown before any request).</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status.</exception>
    /// <exception cref="ImpactWireFormatException">A page is not valid JSON of a page.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">A page did not arrive within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">A <c>@nextpageuri</c> leads to another origin or account; nothing was sent there.</exception>
    /// <exception cref="ImpactRunawayListingException">The paging does not lead to an end: a link back to a page already read, page numbers that do not advance, or far more pages than <c>@numpages</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IAsyncEnumerable<ApiSubmissionPage> ListApiSubmissionPagesAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var validated = Validate(options);
        RequireCredentials();
        return ListPagesCore(validated, cancellationToken);
    }

    private async IAsyncEnumerable<ApiSubmission> ListAllCore(ApiSubmissionListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Records shift between two page reads: a BatchId on the previous page is not yielded again, however far it
        // moved. Every BatchId of a page is remembered (yielded or not), so a record on three pages in a row comes
        // out once. Memory stays bounded by two pages of BatchIds.
        HashSet<string>? previous = null;
        await foreach (var page in ListPagesCore(options, cancellationToken).ConfigureAwait(false))
        {
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var submission in page.Submissions)
            {
                var id = submission.BatchId;
                if (id is not null && (!current.Add(id) || previous?.Contains(id) == true))
                {
                    continue;
                }

                yield return submission;
            }

            previous = current;
        }
    }

    private async IAsyncEnumerable<ApiSubmissionPage> ListPagesCore(ApiSubmissionListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var guard = new ListingGuard(options.StartPage);
        var firstUri = Resolve(RequestPaths.List(_credentials!.AccountSid, options.StartPage, options.PageSize));
        var first = await GetPageAsync(firstUri, guard, cancellationToken).ConfigureAwait(false);
        var next = NextPageUri(first);

        if (options.MaxConcurrency > 1 && next is not null && first.PageInfo.NumPages is { } numPages)
        {
            // Fetch ahead by page number while the caller works on the pages already here.
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<(Uri Uri, Task<ApiSubmissionPage> Page)>();
            var number = (first.PageInfo.Page ?? options.StartPage) + 1;
            var template = next;
            var last = first;
            var ended = false;
            void Fill()
            {
                while (!ended && inFlight.Count < options.MaxConcurrency && number <= numPages && !Reached(options, guard.PagesRead + inFlight.Count))
                {
                    var uri = Resolve(WithPageNumber(template.PathAndQuery, number++));
                    guard.BeforeRequest(uri);
                    inFlight.Enqueue((uri, GetAsync<ApiSubmissionPage>(uri, null, prefetch.Token)));
                }
            }

            try
            {
                Fill();
                yield return first;
                while (inFlight.Count > 0)
                {
                    var (uri, task) = inFlight.Dequeue();
                    last = await task.ConfigureAwait(false);
                    guard.AfterRead(last, uri);

                    // The last page says so: anything fetched beyond it is not wanted.
                    ended = NextPageUri(last) is null;
                    Fill();
                    yield return last;
                    if (ended)
                    {
                        break;
                    }
                }
            }
            finally
            {
                prefetch.Cancel();
                while (inFlight.Count > 0)
                {
                    try
                    {
                        await inFlight.Dequeue().Page.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Fetched ahead and no longer wanted: its outcome does not matter.
                    }
                }
            }

            // Pages added while listing: carry on from the last page's own link.
            next = NextPageUri(last);
        }
        else
        {
            yield return first;
        }

        while (next is not null && !Reached(options, guard.PagesRead))
        {
            var page = await GetPageAsync(next, guard, cancellationToken).ConfigureAwait(false);
            yield return page;
            next = NextPageUri(page);
        }
    }

    private async Task<ApiSubmissionPage> GetPageAsync(Uri uri, ListingGuard guard, CancellationToken cancellationToken)
    {
        guard.BeforeRequest(uri);
        var page = await GetAsync<ApiSubmissionPage>(uri, null, cancellationToken).ConfigureAwait(false);
        guard.AfterRead(page, uri);
        return page;
    }

    private static bool Reached(ApiSubmissionListOptions options, int pages) => options.MaxPages is { } max && pages >= max;

    // The server's link is data: the gate resolves it and refuses any other origin or account before anything is sent.
    private Uri? NextPageUri(ApiSubmissionPage page)
    {
        var next = page.Nextpageuri?.Trim();
        return string.IsNullOrEmpty(next) ? null : Resolve(next!);
    }

    /// <summary>Sets the <c>Page</c> query parameter of a page URI, keeping every other parameter.</summary>
    internal static string WithPageNumber(string pageUri, int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var q = pageUri.IndexOf('?');
        if (q < 0)
        {
            return pageUri + "?Page=" + number;
        }

        var parts = pageUri.Substring(q + 1).Split('&');
        var found = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=');
            var key = eq < 0 ? parts[i] : parts[i].Substring(0, eq);
            if (string.Equals(key, "Page", StringComparison.OrdinalIgnoreCase))
            {
                parts[i] = key + "=" + number;
                found = true;
            }
        }

        return pageUri.Substring(0, q + 1) + string.Join("&", parts) + (found ? string.Empty : "&Page=" + number);
    }

    private static ApiSubmissionListOptions Validate(ApiSubmissionListOptions? options)
    {
        options ??= new ApiSubmissionListOptions();
        if (options.PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PageSize, "PageSize must be at least 1.");
        }

        if (options.StartPage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StartPage, "StartPage is 1-based and must be at least 1.");
        }

        if (options.MaxConcurrency < 1 || options.MaxConcurrency > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrency, "MaxConcurrency must be between 1 and 16.");
        }

        if (options.MaxPages is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxPages, "MaxPages must be at least 1 when set.");
        }

        return new ApiSubmissionListOptions
        {
            PageSize = options.PageSize,
            StartPage = options.StartPage,
            MaxConcurrency = options.MaxConcurrency,
            MaxPages = options.MaxPages,
        };
    }
}
