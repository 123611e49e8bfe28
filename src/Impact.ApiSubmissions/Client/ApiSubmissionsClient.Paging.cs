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
    /// Lists every submission of the credentials' account: enumerate the result for the submissions (each BatchId
    /// once, in the service's order), or call <see cref="ApiSubmissionPageable.AsPages"/> for the pages with their
    /// metadata and a continuation token that resumes the listing later. Nothing is sent until you enumerate.
    /// Each page is read asynchronously, then parsed; memory stays bounded by the pages in flight, whatever the total.
    /// The listing always ends: see <see cref="ImpactRunawayListingException"/>.
    /// impact.com discourages this call for its size: prefer <see cref="GetApiSubmissionAsync(string, CancellationToken)"/> when you know the BatchId.
    /// </summary>
    /// <param name="options">Page size, start page, prefetch and a page limit; null for the defaults. Read once, here.</param>
    /// <param name="cancellationToken">Cancels the listing. Stopping the enumeration early also cancels requests in flight.</param>
    /// <returns>The listing, to enumerate by submission or by page.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (thrown by this call, before any request).</exception>
    /// <exception cref="ImpactApiException">While enumerating: impact.com answered with an error status.</exception>
    /// <exception cref="ImpactWireFormatException">While enumerating: a page is not valid JSON of a page.</exception>
    /// <exception cref="ImpactTransportException">While enumerating: impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">While enumerating: a page did not arrive within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">While enumerating: a <c>@nextpageuri</c> or continuation token leads to another origin or account; nothing was sent there.</exception>
    /// <exception cref="ImpactRunawayListingException">While enumerating: the paging does not lead to an end (a link back to a page already read, page numbers that do not advance, or far more pages than <c>@numpages</c>).</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual ApiSubmissionPageable GetApiSubmissionsAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ApiSubmissionListOptions();
        var rest = Rest;
        var plan = new ListingPlan(nameof(GetApiSubmissionsAsync), RequestPaths.Submissions(rest.AccountSid!), string.Empty, options.PageSize, options.StartPage, options.MaxConcurrency, options.MaxPages);
        var pageReceived = options.PageReceived;
        return new ApiSubmissionPageable((token, hint, ct) => Announce(ListPagesCore<ApiSubmissionPage>(rest, plan, token, hint, ct), pageReceived, ct), cancellationToken);
    }

    private static async IAsyncEnumerable<TPage> Announce<TPage>(IAsyncEnumerable<TPage> pages, Action<TPage>? pageReceived, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            pageReceived?.Invoke(page);
            yield return page;
        }
    }

    // The one paging engine of every listing (API submissions, FTP files, a file's failed lines).
    private static async IAsyncEnumerable<TPage> ListPagesCore<TPage>(
        ApiSubmissionsRestClient rest, ListingPlan options, string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : class, IListingPage
    {
        var firstUri = continuationToken is null
            ? rest.Resolve(options.FirstPage(options.StartPage, pageSizeHint ?? options.PageSize))
            : ContinuationUri(rest, options, continuationToken);
        var guard = new ListingGuard(ListingGuard.PageNumber(firstUri) ?? options.StartPage);
        var first = await GetPageAsync<TPage>(rest, firstUri, guard, cancellationToken).ConfigureAwait(false);
        var next = NextPageUri(rest, first);

        if (options.MaxConcurrency > 1 && next is not null && first.PageInfo.NumPages is { } numPages)
        {
            // Fetch ahead by page number while the caller works on the pages already here. At most MaxConcurrency
            // requests wait on the network; a page whose bytes are in frees its slot while it is parsed, so parsing
            // is not on the network's critical path. At most MaxConcurrency more pages wait, read or parsed, for the
            // caller: memory stays bounded by 2 x MaxConcurrency pages.
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<(Uri Uri, Task<TPage> Page, Task BodyIn)>();
            var waiting = new List<Task>(options.MaxConcurrency + 1);
            var number = (first.PageInfo.Page ?? guard.StartPage) + 1;
            var template = next;
            var last = first;
            var ended = false;
            void Fill()
            {
                while (!ended && inFlight.Count < 2 * options.MaxConcurrency && Fetching() < options.MaxConcurrency
                    && number <= numPages && !Reached(options, guard.PagesRead + inFlight.Count))
                {
                    var uri = rest.Resolve(WithPageNumber(template.PathAndQuery, number++));
                    guard.BeforeRequest(uri);
                    // Continuations run inline on purpose: the thread that read the bytes sends the next request
                    // before it parses them, instead of queueing that behind the parsing on a busy thread pool.
                    var bodyIn = new TaskCompletionSource<bool>();
                    inFlight.Enqueue((uri, rest.GetAsync<TPage>(uri, null, prefetch.Token, () => bodyIn.TrySetResult(true)), bodyIn.Task));
                }
            }

            int Fetching()
            {
                waiting.Clear();
                foreach (var (_, page, bodyIn) in inFlight)
                {
                    if (!page.IsCompleted && !bodyIn.IsCompleted)
                    {
                        waiting.Add(bodyIn);
                    }
                }

                return waiting.Count;
            }

            try
            {
                Fill();
                yield return first;
                while (inFlight.Count > 0)
                {
                    var (uri, task, _) = inFlight.Peek();
                    while (!task.IsCompleted)
                    {
                        // Wake when the next page is parsed or any page's bytes are in, whichever comes first.
                        Fetching();
                        waiting.Add(task);
                        var woke = await Task.WhenAny(waiting).ConfigureAwait(false);
                        Fill();
                        if (woke != task && task.IsCompleted)
                        {
                            // Woken inline by another page's bytes, on the thread about to parse that page, just as this
                            // page completed: hand it over from the thread pool, so that the caller's code never runs ahead
                            // of that parse on its thread (a caller blocking on the next page would wait on itself).
                            await Task.Yield();
                        }
                    }

                    inFlight.Dequeue();
                    last = await task.ConfigureAwait(false);
                    guard.AfterRead(last, uri);

                    // The last page says so: anything fetched beyond it is not wanted.
                    ended = NextPageUri(rest, last) is null;
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
            next = NextPageUri(rest, last);
        }
        else
        {
            yield return first;
        }

        while (next is not null && !Reached(options, guard.PagesRead))
        {
            var page = await GetPageAsync<TPage>(rest, next, guard, cancellationToken).ConfigureAwait(false);
            yield return page;
            next = NextPageUri(rest, page);
        }
    }

    private static async Task<TPage> GetPageAsync<TPage>(ApiSubmissionsRestClient rest, Uri uri, ListingGuard guard, CancellationToken cancellationToken)
        where TPage : class, IListingPage
    {
        guard.BeforeRequest(uri);
        var page = await rest.GetAsync<TPage>(uri, null, cancellationToken).ConfigureAwait(false);
        guard.AfterRead(page, uri);
        return page;
    }

    private static bool Reached(ListingPlan options, int pages) => options.MaxPages is { } max && pages >= max;

    // The server's link is data: the gate resolves it and refuses any other origin or account before anything is sent.
    private static Uri? NextPageUri(ApiSubmissionsRestClient rest, IListingPage page) =>
        page.ContinuationToken is { } next ? rest.Resolve(next) : null;

    // A token is a page link this listing gave out: it passes the gate like any link, and must name the list itself.
    private static Uri ContinuationUri(ApiSubmissionsRestClient rest, ListingPlan plan, string continuationToken)
    {
        RequestPaths.RequireValue(continuationToken, nameof(continuationToken), "The continuation token");
        var uri = rest.Resolve(continuationToken.Trim());
        var list = new Uri(rest.BaseAddress, plan.ListPath).AbsolutePath;
        if (!string.Equals(uri.AbsolutePath.TrimEnd('/'), list, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The continuation token is not a page of this list: pass a ContinuationToken from a page of {plan.Method}.", nameof(continuationToken));
        }

        return uri;
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
}
