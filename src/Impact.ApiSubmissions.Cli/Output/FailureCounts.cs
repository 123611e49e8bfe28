namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Failure counts over submissions, gathered as they stream by (nothing else is kept); <c>errors</c> counts a listing
/// with it, <c>history</c> the stored submissions. A failure is a submission with an ErrorType or an ErrorReason
/// (<see cref="ApiSubmission.HasErrors"/>). Counted: by ErrorType, by ErrorReason (a submission with several reasons
/// counts once for each), by program (CampaignId), by partner (MediaPartnerId), and by day (the submission's own
/// calendar day, in the offset impact.com wrote).
/// </summary>
internal sealed class FailureCounts
{
    private readonly Dictionary<string, int> _byType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ErrorReason, int> _byReason = new();
    private readonly Dictionary<string, int> _withoutReason = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Tally> _byCampaign = new();
    private readonly Dictionary<long, Tally> _byPartner = new();
    private readonly SortedDictionary<DateTime, Tally> _byDay = new();
    private readonly Tally _noCampaign = new();
    private readonly Tally _noPartner = new();

    public int Submissions { get; private set; }

    public int Failures { get; private set; }

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    /// <summary>Error types, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByType => MostFirst(_byType, p => p.Key);

    /// <summary>Reason codes, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<ErrorReason, int>> ByReason => MostFirst(_byReason, p => p.Key.Code);

    /// <summary>Failures that carry no reason code, by their ErrorType (<c>no reason</c> without one either).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> WithoutReason => MostFirst(_withoutReason, p => p.Key);

    /// <summary>Every day with a submission, in order.</summary>
    public IReadOnlyList<KeyValuePair<DateTime, Tally>> ByDay => _byDay.ToList();

    /// <summary>Programs with failures; null is submissions without a CampaignId.</summary>
    public IReadOnlyList<(long? Id, Tally Tally)> Programs => WithFailures(_byCampaign, _noCampaign);

    /// <summary>Partners with failures; null is submissions that credited no partner.</summary>
    public IReadOnlyList<(long? Id, Tally Tally)> Partners => WithFailures(_byPartner, _noPartner);

    public void Add(ApiSubmission s)
    {
        Submissions++;
        var failed = s.HasErrors;
        (s.CampaignId is { } campaign ? Get(_byCampaign, campaign) : _noCampaign).Add(failed);
        (s.MediaPartnerId is { } partner ? Get(_byPartner, partner) : _noPartner).Add(failed);
        if (s.SubmissionDate is { } date)
        {
            First = First is null || date < First ? date : First;
            Last = Last is null || date > Last ? date : Last;
            Get(_byDay, date.Date).Add(failed);
        }

        if (!failed)
        {
            return;
        }

        Failures++;
        var type = s.ErrorType?.ToString();
        Bump(_byType, string.IsNullOrEmpty(type) ? "(no ErrorType)" : type);
        foreach (var reason in s.ErrorReasons.Distinct())
        {
            Bump(_byReason, reason);
        }

        if (s.ErrorReasons.Count == 0)
        {
            Bump(_withoutReason, type ?? "no reason");
        }
    }

    /// <summary>The most failures first, then by id (null last).</summary>
    public static IReadOnlyList<(long? Id, Tally Tally)> Top(IEnumerable<(long? Id, Tally Tally)> rows, int top) =>
        rows.OrderByDescending(p => p.Tally.Failures).ThenBy(p => p.Id ?? long.MaxValue).Take(top).ToList();

    private static List<KeyValuePair<TKey, int>> MostFirst<TKey>(Dictionary<TKey, int> counts, Func<KeyValuePair<TKey, int>, string> name)
        where TKey : notnull =>
        counts.OrderByDescending(p => p.Value).ThenBy(name, StringComparer.Ordinal).ToList();

    private static List<(long? Id, Tally Tally)> WithFailures(Dictionary<long, Tally> tallies, Tally none) =>
        tallies.Select(p => ((long?)p.Key, p.Value)).Append(((long?)null, none)).Where(p => p.Item2.Failures > 0).ToList();

    private static void Bump<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private static Tally Get<TKey>(IDictionary<TKey, Tally> tallies, TKey key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally();
        }

        return tally;
    }

    /// <summary>Submissions and failures of one program, partner or day.</summary>
    internal sealed class Tally
    {
        public int Submissions { get; private set; }

        public int Failures { get; private set; }

        public void Add(bool failed)
        {
            Submissions++;
            Failures += failed ? 1 : 0;
        }
    }
}
