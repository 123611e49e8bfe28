using System.Runtime.CompilerServices;

namespace Impact.ApiSubmissions.Cli.Filtering;

/// <summary>How far a listing got: pages, records read and matched, and the rate limit the last page left.</summary>
internal sealed class ListingState
{
    public int Pages { get; set; }

    public int? NumPages { get; set; }

    public int? Total { get; set; }

    public int Read { get; set; }

    public int Matched { get; set; }

    public bool StoppedAtMax { get; set; }

    public RateLimitState? RateLimit { get; set; }
}

/// <summary>
/// Streams one of the SDK's listings (which gives each record once), keeps the records a filter matches, and stops
/// as soon as <c>--max</c> of them matched. <see cref="State"/> tells how far it got; <see cref="PageRead"/> after each page.
/// </summary>
internal sealed class ListingReader<T>
{
    private readonly ApiSubmissionsClient _client;
    private readonly IAsyncEnumerable<T> _records;
    private readonly Func<T, bool> _matches;
    private readonly int? _max;

    /// <param name="client">The client the listing runs on (for its rate limit).</param>
    /// <param name="open">Starts the listing, handing each page's metadata to the callback it is given.</param>
    /// <param name="matches">Which records to keep; null keeps all.</param>
    /// <param name="max">Stop after this many matches; null for all.</param>
    public ListingReader(ApiSubmissionsClient client, Func<Action<ImpactPageInfo>, IAsyncEnumerable<T>> open, Func<T, bool>? matches = null, int? max = null)
    {
        _client = client;
        _matches = matches ?? (_ => true);
        _max = max;
        _records = open(OnPage);
    }

    /// <summary>Called after each page with the state so far.</summary>
    public event Action<ListingState>? PageRead;

    public ListingState State { get; } = new();

    public async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in _records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            State.Read++;
            if (!_matches(record))
            {
                continue;
            }

            State.Matched++;
            yield return record;
            if (State.Matched == _max)
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

    /// <summary>Every record the listing keeps, read to the end first.</summary>
    public async Task<List<T>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var records = new List<T>();
        await foreach (var record in ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records;
    }

    // A page arrives once the previous one was read through: report that one, then take the new page's metadata.
    private void OnPage(ImpactPageInfo info)
    {
        if (State.Pages > 0)
        {
            PageRead?.Invoke(State);
        }

        State.Pages++;
        State.NumPages = info.NumPages;
        State.Total = info.Total;
        State.RateLimit = _client.RateLimit;
    }
}
