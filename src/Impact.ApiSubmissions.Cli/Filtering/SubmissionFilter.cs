namespace Impact.ApiSubmissions.Cli.Filtering;

/// <summary>
/// The filters of <c>list</c> and <c>errors</c>, checked before any request. impact.com's list call has
/// no filters of its own, so they apply to each submission as the pages arrive.
/// </summary>
internal sealed class SubmissionFilter
{
    // impact.com states no maximum page size: any positive int32 is passed on, and a size it refuses answers 400.
    public const int MaxPageSize = int.MaxValue;

    private SubmissionFilter()
    {
    }

    public IReadOnlyList<SubmissionStatus> Statuses { get; private init; } = Array.Empty<SubmissionStatus>();

    public IReadOnlyList<SubmissionType> Types { get; private init; } = Array.Empty<SubmissionType>();

    public IReadOnlyList<ErrorReason> ErrorReasons { get; private init; } = Array.Empty<ErrorReason>();

    public IReadOnlyList<long> Campaigns { get; private init; } = Array.Empty<long>();

    public bool ErrorsOnly { get; private init; }

    public DateTimeOffset? Since { get; private init; }

    public DateTimeOffset? Until { get; private init; }

    /// <summary>Stop after this many matches; null for all.</summary>
    public int? Max { get; private init; }

    /// <summary>The page size asked for with --page-size, or null for the default.</summary>
    public int? PageSize { get; private init; }

    /// <summary>True when some filter other than <see cref="Max"/> is set.</summary>
    public bool IsFiltering => Statuses.Count > 0 || Types.Count > 0 || ErrorReasons.Count > 0 || Campaigns.Count > 0 || ErrorsOnly || Since.HasValue || Until.HasValue;

    /// <summary>Checks every filter option and reads it.</summary>
    /// <exception cref="UsageException">A value is unknown or malformed.</exception>
    public static SubmissionFilter From(FilterSettings settings, DateTimeOffset now, TimeZoneInfo localZone, Action<string> warn)
    {
        var max = CountArgument.Parse("--max", settings.Max, 1, int.MaxValue);
        var pageSize = CountArgument.Parse("--page-size", settings.PageSize, 1, MaxPageSize);

        var since = settings.Since is null ? (DateTimeOffset?)null : DateArgument.Parse("--since", settings.Since, endOfDay: false, now, localZone);
        var until = settings.Until is null ? (DateTimeOffset?)null : DateArgument.Parse("--until", settings.Until, endOfDay: true, now, localZone);
        if (since >= until)
        {
            throw new UsageException($"--since '{settings.Since}' is not before --until '{settings.Until}': nothing could match.");
        }

        return new SubmissionFilter
        {
            Statuses = Known("--status", "status", Split(settings.Status), SubmissionStatus.KnownValues, s => s.ToString()),
            Types = Known("--type", "type", Split(settings.Type), SubmissionType.KnownValues, t => t.ToString()),
            ErrorReasons = Split(settings.ErrorReason).Select(code => Reason(code, warn)).Distinct().ToList(),
            Campaigns = Split(settings.Campaign).Select(Campaign).Distinct().ToList(),
            ErrorsOnly = settings.ErrorsOnly,
            Since = since,
            Until = until,
            Max = max,
            PageSize = pageSize,
        };
    }

    /// <summary>The submissions this filter selects, in pages of <c>--page-size</c> (impact.com's default 1,000; 100 in demo mode, to show the paging).</summary>
    public ListingReader<ApiSubmission> Reader(ImpactConnection connection)
    {
        var client = connection.Client;
        var pageSize = PageSize ?? (connection.IsDemo ? 100 : 1000);
        return new ListingReader<ApiSubmission>(
            client,
            onPage => client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = pageSize, PageReceived = p => onPage(p.PageInfo) }, connection.Cancellation),
            Matches,
            Max);
    }

    public bool Matches(ApiSubmission submission)
    {
        if (Statuses.Count > 0 && !(submission.Status is { } status && Statuses.Contains(status)))
        {
            return false;
        }

        if (Types.Count > 0 && !(submission.Type is { } type && Types.Contains(type)))
        {
            return false;
        }

        if (ErrorsOnly && !submission.HasErrors)
        {
            return false;
        }

        if (ErrorReasons.Count > 0 && !submission.ErrorReasons.Any(ErrorReasons.Contains))
        {
            return false;
        }

        if (Campaigns.Count > 0 && !(submission.CampaignId is { } campaign && Campaigns.Contains(campaign)))
        {
            return false;
        }

        if (Since.HasValue || Until.HasValue)
        {
            if (submission.SubmissionDate is not { } submitted || submitted < Since || submitted >= Until)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The filters in words, e.g. <c>status Complete; errors only</c>; empty when none is set.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Statuses.Count > 0)
        {
            parts.Add("status " + string.Join(" or ", Statuses));
        }

        if (Types.Count > 0)
        {
            parts.Add("type " + string.Join(" or ", Types));
        }

        if (ErrorsOnly)
        {
            parts.Add("errors only");
        }

        if (ErrorReasons.Count > 0)
        {
            parts.Add("reason " + string.Join(" or ", ErrorReasons));
        }

        if (Campaigns.Count > 0)
        {
            parts.Add("program " + string.Join(" or ", Campaigns.Select(c => c.ToString(CultureInfo.InvariantCulture))));
        }

        if (Since.HasValue)
        {
            parts.Add("since " + Format(Since.Value));
        }

        if (Until.HasValue)
        {
            parts.Add("until " + Format(Until.Value));
        }

        return string.Join("; ", parts);
    }

    private static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static List<string> Split(IEnumerable<string>? values) =>
        (values ?? Enumerable.Empty<string>())
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    private static List<T> Known<T>(string option, string noun, List<string> values, IReadOnlyList<T> known, Func<T, string> wire)
    {
        var result = new List<T>();
        foreach (var value in values)
        {
            var match = known.Where(k => Normalize(wire(k)) == Normalize(value)).ToList();
            if (match.Count == 0)
            {
                var valid = string.Join(", ", known.Select(k => wire(k)));
                throw new UsageException($"Unknown {noun} '{value}' for {option}: use one of {valid}.");
            }

            if (!result.Contains(match[0]))
            {
                result.Add(match[0]);
            }
        }

        return result;
    }

    // "In Progress", "in-progress", "in_progress" and "INPROGRESS" all name the same status.
    private static string Normalize(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').ToArray()).ToUpperInvariant();

    private static ErrorReason Reason(string code, Action<string> warn)
    {
        var upper = code.ToUpperInvariant();
        if (upper.Any(c => !(char.IsLetterOrDigit(c) || c == '_')))
        {
            throw new UsageException($"--error-reason '{code}' is not a reason code: codes look like CONTRACT_NOT_FOUND.");
        }

        var reason = new ErrorReason(upper);
        if (reason.IsKnown)
        {
            return reason;
        }

        var closest = ErrorReason.KnownValues.OrderBy(k => Distance(k.Code, upper)).First();
        if (Distance(closest.Code, upper) <= 2)
        {
            throw new UsageException($"Unknown error reason '{code}' for --error-reason: did you mean {closest.Code}?");
        }

        // impact.com adds codes without notice: match an undocumented one as given.
        warn($"'{upper}' is not one of impact.com's documented error reasons; matching it as given.");
        return reason;
    }

    private static long Campaign(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new UsageException($"--campaign '{text}' is not a program id: use the number, e.g. 1000.");

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
