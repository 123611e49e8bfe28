using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionsClient
{
    /// <summary>
    /// Lists every submission of the credentials' account: enumerate the result for the submissions (each BatchId
    /// once, in the service's order), or call <see cref="ImpactPageable{T}.AsPages"/> for the pages with their
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
    public virtual ImpactPageable<ApiSubmission> GetApiSubmissionsAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ApiSubmissionListOptions();
        var rest = Rest;
        var sid = rest.AccountSid;
        var plan = new ListingPlan<ApiSubmissionPage>(
            nameof(GetApiSubmissionsAsync), (page, size) => ImpactRequests.CreateListApiSubmissionsRequest(sid, page, size), options.PageSize, options.StartPage, options.MaxConcurrency, options.MaxPages);
        return Listing(rest, plan, options.PageReceived, cancellationToken);
    }

    // Every listing's public face: the engine's pages as ImpactPage<T>, each announced to the caller's callback.
    private static ImpactPageable<TItem> Listing<TPage, TItem>(ApiSubmissionsRestClient rest, ListingPlan<TPage> plan, Action<ImpactPage<TItem>>? pageReceived, CancellationToken cancellationToken)
        where TPage : class, IListingPage<TItem> =>
        new((token, hint, ct) => Pages(ListPagesCore(rest, plan, token, hint, ct), pageReceived, ct), cancellationToken);

    private static async IAsyncEnumerable<ImpactPage<TItem>> Pages<TPage, TItem>(IAsyncEnumerable<TPage> pages, Action<ImpactPage<TItem>>? pageReceived, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : class, IListingPage<TItem>
    {
        await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var view = new ImpactPage<TItem>(page.Items, page.PageInfo, page.ContinuationToken);
            pageReceived?.Invoke(view);
            yield return view;
        }
    }

    // The one paging engine of every listing (API submissions, FTP files, a file's failed lines).
    private static async IAsyncEnumerable<TPage> ListPagesCore<TPage>(
        ApiSubmissionsRestClient rest, ListingPlan<TPage> options, string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TPage : class, IListingPage
    {
        // The first page is the generated request of the start page, or the page a continuation token links to (its
        // number is then known once it is read).
        int? asked = continuationToken is null ? options.StartPage : null;
        var firstUri = continuationToken is null
            ? rest.Resolve(options.Page(options.StartPage, pageSizeHint ?? options.PageSize).PathAndQuery)
            : ContinuationUri(rest, options, continuationToken);
        var guard = new ListingGuard(asked);
        var first = await GetPageAsync(rest, options, firstUri, asked, guard, cancellationToken).ConfigureAwait(false);
        var next = NextPageUri(rest, first);

        if (options.MaxConcurrency > 1 && next is not null && first.PageInfo.NumPages is { } numPages)
        {
            // Fetch ahead by page number while the caller works on the pages already here. At most MaxConcurrency
            // requests wait on the network; a page whose bytes are in frees its slot while it is parsed, so parsing
            // is not on the network's critical path. At most MaxConcurrency more pages wait, read or parsed, for the
            // caller: memory stays bounded by 2 x MaxConcurrency pages.
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<(Uri Uri, int Number, Task<TPage> Page, Task BodyIn)>();
            var waiting = new List<Task>(options.MaxConcurrency + 1);
            var number = guard.LastNumber + 1;
            // Pages ahead are the generated requests of the next numbers, at the size the server says it used.
            var size = first.PageInfo.PageSize ?? pageSizeHint ?? options.PageSize;
            var last = first;
            var ended = false;
            void Fill()
            {
                while (!ended && inFlight.Count < 2 * options.MaxConcurrency && Fetching() < options.MaxConcurrency
                    && number <= numPages && !Reached(options, guard.PagesRead + inFlight.Count))
                {
                    var uri = rest.Resolve(options.Page(number, size).PathAndQuery);
                    guard.BeforeRequest(uri, number);
                    // Continuations run inline on purpose: the thread that read the bytes sends the next request
                    // before it parses them, instead of queueing that behind the parsing on a busy thread pool.
                    var bodyIn = new TaskCompletionSource<bool>();
                    inFlight.Enqueue((uri, number++, rest.GetAsync(uri, options.First, null, prefetch.Token, () => bodyIn.TrySetResult(true)), bodyIn.Task));
                }
            }

            int Fetching()
            {
                waiting.Clear();
                foreach (var (_, _, page, bodyIn) in inFlight)
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
                    var (uri, pageNumber, task, _) = inFlight.Peek();
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
                    guard.AfterRead(last, uri, pageNumber);

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
            var page = await GetPageAsync(rest, options, next, null, guard, cancellationToken).ConfigureAwait(false);
            yield return page;
            next = NextPageUri(rest, page);
        }
    }

    // asked: the page number of a generated request; null for a link from the server (its number is read from the page).
    private static async Task<TPage> GetPageAsync<TPage>(ApiSubmissionsRestClient rest, ListingPlan<TPage> plan, Uri uri, int? asked, ListingGuard guard, CancellationToken cancellationToken)
        where TPage : class, IListingPage
    {
        guard.BeforeRequest(uri, asked);
        var page = await rest.GetAsync(uri, plan.First, null, cancellationToken).ConfigureAwait(false);
        guard.AfterRead(page, uri, asked);
        return page;
    }

    private static bool Reached<TPage>(ListingPlan<TPage> options, int pages)
        where TPage : class, IListingPage => options.MaxPages is { } max && pages >= max;

    // The server's link is data: the gate resolves it and refuses any other origin or account before anything is sent.
    private static Uri? NextPageUri(ApiSubmissionsRestClient rest, IListingPage page) =>
        page.ContinuationToken is { } next ? rest.Resolve(next) : null;

    // A token is a page link this listing gave out: it passes the gate like any link, and must name the list itself.
    private static Uri ContinuationUri<TPage>(ApiSubmissionsRestClient rest, ListingPlan<TPage> plan, string continuationToken)
        where TPage : class, IListingPage
    {
        Arguments.RequireValue(continuationToken, nameof(continuationToken), "The continuation token");
        var uri = rest.Resolve(continuationToken.Trim());
        var list = rest.Resolve(plan.First.PathAndQuery).AbsolutePath;
        if (!string.Equals(uri.AbsolutePath.TrimEnd('/'), list, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The continuation token is not a page of this list: pass a ContinuationToken from a page of {plan.Method}.", nameof(continuationToken));
        }

        return uri;
    }
}
