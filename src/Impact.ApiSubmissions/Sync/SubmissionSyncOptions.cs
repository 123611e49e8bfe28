using System;

namespace Impact.ApiSubmissions;

/// <summary>How <see cref="SubmissionSync"/> reads impact.com and reports what changed.</summary>
public class SubmissionSyncOptions
{
    /// <summary>
    /// The sync's own request budget per rolling hour. Default 500, half of impact.com's default 1,000 an hour, so the
    /// brand's own conversions keep the other half. Requests are spread over the hour (bursts of a tenth of the budget),
    /// and the sync also pauses when the rate-limit headers say no more than (limit - budget) requests are left in the
    /// service's window, until that window resets.
    /// </summary>
    public int RequestsPerHour { get; set; } = 500;

    /// <summary>How many submissions a page holds. Default 1,000 (impact.com's default).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>How long <see cref="SubmissionSync.WatchAsync"/> rests between two passes. Default 5 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At most this many stored submissions still Queued or In Progress that the pass's listing did not show (pages
    /// shifted, or the listing resumed past them) are read again by BatchId at the end of a pass, the longest unseen
    /// first. Default 100. One the listing showed is not: its page has just read its status, and every pass lists it
    /// again until it completes.
    /// </summary>
    public int MaxPendingReadsPerPass { get; set; } = 100;

    /// <summary>
    /// False (the default): what the first complete pass over an account finds is its history, recorded as already
    /// reported, so a new watch does not announce every failure of the last 90 days. True reports them as well.
    /// </summary>
    public bool ReportExistingOnFirstPass { get; set; }

    /// <summary>
    /// True (the default): each pass also lists the account's FTP file submissions into the store, with a bookmark of
    /// their own. A 403 on that listing (a token not allowed there) skips it: see <see cref="SyncPassResult.FtpFilesSkipped"/>.
    /// </summary>
    public bool IncludeFtpFiles { get; set; } = true;

    /// <summary>Called after each page or re-read is stored, with the pass so far (for a progress display).</summary>
    public Action<SyncPassResult>? Progress { get; set; }

    /// <summary>
    /// Called when a watch's pass fails on something that may pass (the service unreachable, 429, 5xx, a malformed
    /// page); the watch then tries again at the next interval. Other failures end the watch.
    /// </summary>
    public Action<Exception>? PassFailed { get; set; }

    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A copy of every setting, so that the caller's object may change afterwards without effect.</summary>
    internal SubmissionSyncOptions Copy() => new()
    {
        RequestsPerHour = RequestsPerHour,
        PageSize = PageSize,
        Interval = Interval,
        MaxPendingReadsPerPass = MaxPendingReadsPerPass,
        ReportExistingOnFirstPass = ReportExistingOnFirstPass,
        IncludeFtpFiles = IncludeFtpFiles,
        Progress = Progress,
        PassFailed = PassFailed,
        TimeProvider = TimeProvider,
    };

    internal void Validate()
    {
        if (RequestsPerHour < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestsPerHour), RequestsPerHour, "The request budget must allow at least 1 request an hour.");
        }

        if (PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "The page size must be at least 1.");
        }

        if (Interval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "The interval cannot be negative.");
        }

        if (MaxPendingReadsPerPass < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPendingReadsPerPass), MaxPendingReadsPerPass, "The number of re-reads cannot be negative.");
        }
    }
}
