namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>Failure counts over a listing, gathered as submissions stream by (nothing else is kept).</summary>
internal sealed class ErrorStatistics
{
    private readonly Dictionary<string, int> _byType = new(System.StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<ErrorReason, int> _byReason = new();
    private readonly Dictionary<long, Tally> _byCampaign = new();
    private readonly Dictionary<long, Tally> _byPartner = new();
    private readonly Tally _noCampaign = new();
    private readonly Tally _noPartner = new();

    public int Submissions { get; private set; }

    public int WithErrors { get; private set; }

    public void Add(ApiSubmission s)
    {
        Submissions++;
        var failed = s.HasErrors;
        Count(s.CampaignId is { } campaign ? Get(_byCampaign, campaign) : _noCampaign, failed);
        Count(s.MediaPartnerId is { } partner ? Get(_byPartner, partner) : _noPartner, failed);
        if (!failed)
        {
            return;
        }

        WithErrors++;
        var type = s.ErrorType?.ToString();
        type = string.IsNullOrEmpty(type) ? "(no ErrorType)" : type;
        _byType[type] = _byType.TryGetValue(type, out var n) ? n + 1 : 1;
        foreach (var reason in s.ErrorReasons.Distinct())
        {
            _byReason[reason] = _byReason.TryGetValue(reason, out var r) ? r + 1 : 1;
        }
    }

    /// <summary>Error types, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ByType => _byType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, System.StringComparer.Ordinal).ToList();

    /// <summary>Reason codes, most frequent first; a submission with several codes counts once for each.</summary>
    public IReadOnlyList<KeyValuePair<ErrorReason, int>> ByReason => _byReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Code, System.StringComparer.Ordinal).ToList();

    /// <summary>Programs with failures, most first; null is submissions without a CampaignId.</summary>
    public IReadOnlyList<(long? Id, Tally Tally)> TopCampaigns(int top) => Top(_byCampaign, _noCampaign, top);

    /// <summary>Partners with failures, most first; null is submissions that credited no partner.</summary>
    public IReadOnlyList<(long? Id, Tally Tally)> TopPartners(int top) => Top(_byPartner, _noPartner, top);

    private static IReadOnlyList<(long? Id, Tally Tally)> Top(Dictionary<long, Tally> tallies, Tally none, int top) =>
        tallies.Select(p => ((long?)p.Key, p.Value))
            .Append(((long?)null, none))
            .Where(p => p.Item2.Failures > 0)
            .OrderByDescending(p => p.Item2.Failures)
            .ThenBy(p => p.Item1 ?? long.MaxValue)
            .Take(top)
            .ToList();

    private static Tally Get(Dictionary<long, Tally> tallies, long id)
    {
        if (!tallies.TryGetValue(id, out var tally))
        {
            tallies[id] = tally = new Tally();
        }

        return tally;
    }

    private static void Count(Tally tally, bool failed)
    {
        tally.Submissions++;
        if (failed)
        {
            tally.Failures++;
        }
    }

    /// <summary>Submissions and failures of one program or partner.</summary>
    internal sealed class Tally
    {
        public int Submissions { get; set; }

        public int Failures { get; set; }
    }
}
