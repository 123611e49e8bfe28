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
    /// Each page is parsed from the network stream; memory stays bounded by the pages in flight, whatever the total.
    /// A BatchId that shows up again on the next page (records shift while listing) is yielded once.
    /// impact.com discourages this call for its size: prefer <see cref="GetApiSubmissionAsync(string, CancellationToken)"/> when you know the BatchId.
    /// </summary>
    /// <param name="options">Page size, start page, prefetch; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the listing. Stopping the enumeration early also cancels requests in flight.</param>
    /// <returns>The submissions, in the service's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (thrown before any request).</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error, or a page that cannot be read.</exception>
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
    /// <exception cref="ImpactApiException">impact.com answered with an error, or a page that cannot be read.</exception>
    public IAsyncEnumerable<ApiSubmissionPage> ListApiSubmissionPagesAsync(ApiSubmissionListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var validated = Validate(options);
        RequireCredentials();
        return ListPagesCore(validated, cancellationToken);
    }

    private async IAsyncEnumerable<ApiSubmission> ListAllCore(ApiSubmissionListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Records shift by a few places between two page reads: comparing with the previous page is enough,
        // and keeps memory bounded by one page of BatchIds.
        HashSet<string>? previous = null;
        await foreach (var page in ListPagesCore(options, cancellationToken).ConfigureAwait(false))
        {
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var submission in page.Submissions)
            {
                var id = submission.BatchId;
                if (id is not null && (previous?.Contains(id) == true || !current.Add(id)))
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
        var visited = new HashSet<string>(StringComparer.Ordinal);
        string? next = RequestPaths.List(_credentials!.AccountSid, options.StartPage, options.PageSize);

        var first = await GetPageAsync(next, visited, cancellationToken).ConfigureAwait(false);
        var pages = 1;
        next = NextPageUri(first);

        if (options.MaxConcurrency > 1 && next is not null && first.PageInfo.NumPages is { } numPages)
        {
            // Fetch ahead by page number while the caller works on the pages already here.
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<Task<ApiSubmissionPage>>();
            var number = (first.PageInfo.Page ?? options.StartPage) + 1;
            var template = next;
            var last = first;
            void Fill()
            {
                while (inFlight.Count < options.MaxConcurrency && number <= numPages && !Reached(options, pages + inFlight.Count))
                {
                    var uri = WithPageNumber(template, number++);
                    visited.Add(uri);
                    inFlight.Enqueue(GetAsync<ApiSubmissionPage>(uri, null, prefetch.Token));
                }
            }

            try
            {
                Fill();
                yield return first;
                while (inFlight.Count > 0)
                {
                    last = await inFlight.Dequeue().ConfigureAwait(false);
                    pages++;
                    Fill();
                    yield return last;
                }
            }
            finally
            {
                prefetch.Cancel();
                while (inFlight.Count > 0)
                {
                    try
                    {
                        await inFlight.Dequeue().ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Fetched ahead and no longer wanted: its outcome does not matter.
                    }
                }
            }

            // Pages added while listing: carry on from the last page's own link.
            next = NextPageUri(last);
            if (next is not null && visited.Contains(next))
            {
                next = null;
            }
        }
        else
        {
            yield return first;
        }

        while (next is not null && !Reached(options, pages))
        {
            var page = await GetPageAsync(next, visited, cancellationToken).ConfigureAwait(false);
            yield return page;
            pages++;
            next = NextPageUri(page);
        }
    }

    private Task<ApiSubmissionPage> GetPageAsync(string relativeUri, HashSet<string> visited, CancellationToken cancellationToken)
    {
        if (!visited.Add(relativeUri))
        {
            throw new InvalidOperationException($"impact.com's @nextpageuri leads back to a page already read ({relativeUri}); listing stopped to avoid a loop.");
        }

        return GetAsync<ApiSubmissionPage>(relativeUri, null, cancellationToken);
    }

    private static bool Reached(ApiSubmissionListOptions options, int pages) => options.MaxPages is { } max && pages >= max;

    private string? NextPageUri(ApiSubmissionPage page)
    {
        var next = page.Nextpageuri?.Trim();
        if (string.IsNullOrEmpty(next))
        {
            return null;
        }

        if (Uri.TryCreate(next, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            var own = new Uri(BaseUrl);
            if (!string.Equals(absolute.Authority, own.Authority, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"impact.com's @nextpageuri points at another host ({absolute.Authority}); the client sends its credentials only to {own.Authority}.");
            }

            return absolute.PathAndQuery;
        }

        return next;
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
