using System;
using System.Collections.Generic;

namespace Impact.ApiSubmissions;

/// <summary>What one step of a sync stores in one transaction (see <see cref="ISubmissionStore.SaveAsync"/>).</summary>
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
public sealed class SyncWrite(string accountSid, string stream, IReadOnlyList<ApiSubmission> submissions, IReadOnlyList<SubmissionEvent> events, bool eventsReported, SyncBookmark? bookmark, DateTimeOffset seenAt, long? pass = null)
{
    /// <summary>The pass that read the submissions, or null.</summary>
    public long? Pass { get; } = pass;

    /// <summary>The account every row belongs to.</summary>
    public string AccountSid { get; } = accountSid ?? throw new ArgumentNullException(nameof(accountSid));

    /// <summary>The listing the bookmark belongs to.</summary>
    public string Stream { get; } = stream ?? throw new ArgumentNullException(nameof(stream));

    /// <summary>The submissions to insert or update; each must have a BatchId.</summary>
    public IReadOnlyList<ApiSubmission> Submissions { get; } = submissions ?? throw new ArgumentNullException(nameof(submissions));

    /// <summary>The events to record, unless the account already has one with the same key.</summary>
    public IReadOnlyList<SubmissionEvent> Events { get; } = events ?? throw new ArgumentNullException(nameof(events));

    /// <summary>True to record the events as already reported.</summary>
    public bool EventsReported { get; } = eventsReported;

    /// <summary>The bookmark to write, or null to leave it.</summary>
    public SyncBookmark? Bookmark { get; } = bookmark;

    /// <summary>When the submissions were read.</summary>
    public DateTimeOffset SeenAt { get; } = seenAt;
}
