using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>What one sync pass did, also handed to <see cref="SubmissionSyncOptions.Progress"/> while the pass runs.</summary>
public sealed class SyncPassResult
{
    private readonly List<SubmissionEvent> _events = new();

    internal SyncPassResult()
    {
    }

    /// <summary>True when the pass resumed an earlier pass that stopped before the last page.</summary>
    public bool Resumed { get; internal set; }

    /// <summary>True when the pass read the listing to its last page.</summary>
    public bool Completed { get; internal set; }

    /// <summary>Pages read and stored.</summary>
    public int Pages { get; internal set; }

    /// <summary>The listing's <c>@numpages</c>, once a page said.</summary>
    public int? NumPages { get; internal set; }

    /// <summary>The listing's <c>@total</c>, once a page said.</summary>
    public int? Total { get; internal set; }

    /// <summary>Submissions the listing read and stored (new or not); re-reads by BatchId are in <see cref="Reread"/>.</summary>
    public int Read { get; internal set; }

    /// <summary>Submissions the store did not hold before.</summary>
    public int Inserted { get; internal set; }

    /// <summary>Submissions the store held with another status or error state.</summary>
    public int Changed { get; internal set; }

    /// <summary>Pending submissions read again by BatchId after the listing.</summary>
    public int Reread { get; internal set; }

    /// <summary>FTP file submissions read and stored.</summary>
    public int FtpFiles { get; internal set; }

    /// <summary>True when impact.com refused the FTP files listing (403) and the pass went on without it.</summary>
    public bool FtpFilesSkipped { get; internal set; }

    /// <summary>Requests the pass sent (pages and re-reads; retries inside one request not counted).</summary>
    public int Requests { get; internal set; }

    /// <summary>The rate-limit headers of the latest response, when the service sent them.</summary>
    public RateLimitState? RateLimit { get; internal set; }

    /// <summary>The events the pass recorded, in the order found (a change already recorded by an earlier pass is not here again).</summary>
    public IReadOnlyList<SubmissionEvent> Events => _events;

    internal void Add(IEnumerable<SubmissionEvent> events) => _events.AddRange(events);
}
