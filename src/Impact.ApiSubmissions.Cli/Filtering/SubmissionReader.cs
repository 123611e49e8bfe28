using System.Runtime.CompilerServices;

namespace Impact.ApiSubmissions.Cli.Filtering;

/// <summary>
/// Streams the account's submissions page by page, applies the filter, and stops as soon as
/// <see cref="SubmissionFilter.Max"/> submissions matched. <see cref="State"/> tells how far it got.
/// </summary>
internal sealed class SubmissionReader
{
    private readonly ApiSubmissionsClient _client;
    private readonly SubmissionFilter _filter;
    private readonly int _pageSize;

    public SubmissionReader(ApiSubmissionsClient client, SubmissionFilter filter, int pageSize)
    {
        _client = client;
        _filter = filter;
        _pageSize = pageSize;
    }

    /// <summary>Called after each page with the state so far.</summary>
    public event Action<ReadState>? PageRead;

    public ReadState State { get; } = new();

    public async IAsyncEnumerable<ApiSubmission> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The SDK gives each BatchId once however records shift between pages; this only counts and filters.
        var options = new ApiSubmissionListOptions { PageSize = _pageSize, PageReceived = OnPage };
        await foreach (var submission in _client.GetApiSubmissionsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            State.Read++;
            if (!_filter.Matches(submission))
            {
                continue;
            }

            State.Matched++;
            yield return submission;
            if (_filter.Max is { } max && State.Matched >= max)
            {
                State.StoppedAtMax = true;
                PageRead?.Invoke(State);
                yield break;
            }
        }

        if (State.Pages > 0)
        {
            PageRead?.Invoke(State);
        }
    }

    // A page arrives once the previous one was read through: report that one, then take the new page's metadata.
    private void OnPage(ApiSubmissionPage page)
    {
        if (State.Pages > 0)
        {
            PageRead?.Invoke(State);
        }

        var info = page.PageInfo;
        State.Pages++;
        State.NumPages = info.NumPages;
        State.Total = info.Total;
        State.RateLimit = _client.RateLimit;
    }

    /// <summary>How far a listing got.</summary>
    internal sealed class ReadState
    {
        public int Pages { get; set; }

        public int? NumPages { get; set; }

        public int? Total { get; set; }

        public int Read { get; set; }

        public int Matched { get; set; }

        public bool StoppedAtMax { get; set; }

        public RateLimitState? RateLimit { get; set; }
    }
}
