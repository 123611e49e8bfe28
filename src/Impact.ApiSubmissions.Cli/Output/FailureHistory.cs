namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>
/// Failure counts over stored submissions: by day (the submission's own calendar day, in the account's offset as
/// impact.com wrote it), by error reason (a submission with several reasons counts for each), by program (CampaignId)
/// and by partner (MediaPartnerId). A failure is a submission with an ErrorType or an ErrorReason.
/// </summary>
internal sealed class FailureHistory
{
    private readonly SortedDictionary<DateTime, Count> _byDay = new();
    private readonly Dictionary<string, int> _byReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Count> _byProgram = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Count> _byPartner = new(StringComparer.Ordinal);

    public int Submissions { get; private set; }

    public int Failures { get; private set; }

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public IReadOnlyList<KeyValuePair<DateTime, Count>> ByDay => _byDay.ToList();

    public IReadOnlyList<KeyValuePair<string, int>> ByReason => _byReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    public IReadOnlyList<KeyValuePair<string, Count>> ByProgram => Ranked(_byProgram);

    public IReadOnlyList<KeyValuePair<string, Count>> ByPartner => Ranked(_byPartner);

    public void Add(ApiSubmission s)
    {
        Submissions++;
        var failed = s.HasErrors;
        if (failed)
        {
            Failures++;
            foreach (var reason in s.ErrorReasons.Distinct())
            {
                _byReason[reason.Code] = _byReason.TryGetValue(reason.Code, out var n) ? n + 1 : 1;
            }

            if (s.ErrorReasons.Count == 0)
            {
                var key = "(" + (s.ErrorType?.ToString() ?? "no reason") + ")";
                _byReason[key] = _byReason.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        if (s.SubmissionDate is { } date)
        {
            First = First is null || date < First ? date : First;
            Last = Last is null || date > Last ? date : Last;
            Bump(_byDay, date.Date, failed);
        }

        Bump(_byProgram, s.CampaignId?.ToString(CultureInfo.InvariantCulture) ?? Display.None, failed);
        Bump(_byPartner, s.MediaPartnerId?.ToString(CultureInfo.InvariantCulture) ?? Display.None, failed);
    }

    private static void Bump<TKey>(IDictionary<TKey, Count> counts, TKey key, bool failed)
    {
        counts.TryGetValue(key, out var count);
        counts[key] = new Count(count.Failures + (failed ? 1 : 0), count.Submissions + 1);
    }

    private static List<KeyValuePair<string, Count>> Ranked(Dictionary<string, Count> counts) =>
        counts.Where(p => p.Value.Failures > 0).OrderByDescending(p => p.Value.Failures).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    internal readonly record struct Count(int Failures, int Submissions);
}
