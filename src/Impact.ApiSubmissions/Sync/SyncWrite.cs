using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>What one step of a sync stores in one transaction (see <see cref="ISubmissionStore.SaveAsync"/>).</summary>
public sealed class SyncWrite
{
    /// <summary>Creates a write.</summary>
    /// <param name="accountSid">The account every row belongs to.</param>
    /// <param name="stream">The listing the bookmark belongs to.</param>
    /// <param name="submissions">The submissions to insert or update.</param>
    /// <param name="events">The events to record when not recorded yet.</param>
    /// <param name="eventsReported">True to record the events as already reported (a first pass's baseline is not news).</param>
    /// <param name="bookmark">The bookmark to write, or null to leave it as it is.</param>
    /// <param name="seenAt">When the submissions were read.</param>
    /// <param name="pass">
    /// The pass that read the submissions (the bookmark's <see cref="SyncBookmark.CompletedPasses"/> when it began), or null to
    /// leave a stored row's pass as it is. See <see cref="ISubmissionStore.GetPendingBatchIdsAsync"/>.
    /// </param>
    public SyncWrite(string accountSid, string stream, IReadOnlyList<ApiSubmission> submissions, IReadOnlyList<SubmissionEvent> events, bool eventsReported, SyncBookmark? bookmark, DateTimeOffset seenAt, long? pass = null)
    {
        Pass = pass;
        AccountSid = accountSid ?? throw new ArgumentNullException(nameof(accountSid));
        Stream = stream ?? throw new ArgumentNullException(nameof(stream));
        Submissions = submissions ?? throw new ArgumentNullException(nameof(submissions));
        Events = events ?? throw new ArgumentNullException(nameof(events));
        EventsReported = eventsReported;
        Bookmark = bookmark;
        SeenAt = seenAt;
    }

    /// <summary>The pass that read the submissions, or null.</summary>
    public long? Pass { get; }

    /// <summary>The account every row belongs to.</summary>
    public string AccountSid { get; }

    /// <summary>The listing the bookmark belongs to.</summary>
    public string Stream { get; }

    /// <summary>The submissions to insert or update; each must have a BatchId.</summary>
    public IReadOnlyList<ApiSubmission> Submissions { get; }

    /// <summary>The events to record, unless the account already has one with the same key.</summary>
    public IReadOnlyList<SubmissionEvent> Events { get; }

    /// <summary>True to record the events as already reported.</summary>
    public bool EventsReported { get; }

    /// <summary>The bookmark to write, or null to leave it.</summary>
    public SyncBookmark? Bookmark { get; }

    /// <summary>When the submissions were read.</summary>
    public DateTimeOffset SeenAt { get; }
}
