using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

/// <summary>
/// Where <see cref="SubmissionSync"/> keeps submissions beyond impact.com's 90 days, with its bookmarks and the events it
/// found. Rows are keyed by Account SID and BatchId, so one store can hold many accounts. The package
/// Impact.ApiSubmissions.Storage has SQLite and PostgreSQL stores; implement this to keep them elsewhere.
/// </summary>
public interface ISubmissionStore
{
    /// <summary>Creates the schema, or brings an older one up to date. Safe to call from several processes at once.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Where the last pass of a stream stopped, or null when no pass has written to it.</summary>
    /// <param name="accountSid">The account.</param>
    /// <param name="stream">The listing, e.g. <see cref="SubmissionSync.SubmissionsStream"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bookmark, or null.</returns>
    Task<SyncBookmark?> GetBookmarkAsync(string accountSid, string stream, CancellationToken cancellationToken = default);

    /// <summary>The stored state of those of <paramref name="batchIds"/> the store holds, by BatchId.</summary>
    /// <param name="accountSid">The account.</param>
    /// <param name="batchIds">The BatchIds to look up.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The states found; a BatchId the store does not hold is absent.</returns>
    Task<IReadOnlyDictionary<string, StoredSubmissionState>> GetStatesAsync(string accountSid, IReadOnlyCollection<string> batchIds, CancellationToken cancellationToken = default);

    /// <summary>Stored submissions that completed with errors, carry one of <paramref name="orderIds"/> and no later submission has fixed yet.</summary>
    /// <param name="accountSid">The account.</param>
    /// <param name="orderIds">The OrderIds to look up.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The failures found.</returns>
    Task<IReadOnlyList<StoredSubmissionState>> GetUnfixedFailuresAsync(string accountSid, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default);

    /// <summary>The BatchIds of the account's stored submissions still Queued or In Progress.</summary>
    /// <param name="accountSid">The account.</param>
    /// <param name="notSeenInPass">
    /// Null for all of them; else only those no write of this pass or a later one has stored (<see cref="SyncWrite.Pass"/>
    /// lower or unknown): a pending submission that the current pass has listed is as fresh as a read by BatchId.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The BatchIds, the longest unseen first (unknown first), then the oldest submission first.</returns>
    Task<IReadOnlyList<string>> GetPendingBatchIdsAsync(string accountSid, long? notSeenInPass = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes in ONE transaction: every submission (inserted, or updated by Account SID and BatchId), every event not
    /// recorded yet (an event whose <see cref="SubmissionEvent.Key"/> the account already has is left as it is), the
    /// fixes the events name, and the bookmark when <see cref="SyncWrite.Bookmark"/> says so. Either all of it is
    /// stored or none, so a pass interrupted at any moment resumes from the last bookmark without a gap or a duplicate.
    /// </summary>
    /// <param name="write">What to store.</param>
    /// <param name="cancellationToken">Cancels the write (then nothing is stored).</param>
    /// <returns>A task that completes when the transaction has committed.</returns>
    Task SaveAsync(SyncWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Events recorded and not yet marked reported, oldest first, each with its submission as stored; an
    /// <see cref="SubmissionEventKind.FtpFileFailed"/> event with its FTP file as stored (see <see cref="SubmissionEvent(string, FtpFileSubmission, System.DateTimeOffset)"/>).
    /// An event whose row the store does not hold yet is left for a later call.
    /// </summary>
    /// <param name="accountSid">The account.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<SubmissionEvent>> GetUnreportedEventsAsync(string accountSid, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks an event reported, so that no later watch hands it out again.</summary>
    /// <param name="accountSid">The account.</param>
    /// <param name="eventKey">The event's <see cref="SubmissionEvent.Key"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark has committed.</returns>
    Task MarkReportedAsync(string accountSid, string eventKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes in ONE transaction the FTP file submissions of a page (inserted, or updated by Account SID and BatchId) and,
    /// when given, the bookmark of <see cref="SubmissionSync.FtpFilesStream"/>.
    /// </summary>
    /// <param name="accountSid">The account every row belongs to.</param>
    /// <param name="files">The files to insert or update; each must have a BatchId.</param>
    /// <param name="bookmark">The bookmark to write, or null to leave it.</param>
    /// <param name="seenAt">When the files were read.</param>
    /// <param name="cancellationToken">Cancels the write (then nothing is stored).</param>
    /// <returns>A task that completes when the transaction has committed.</returns>
    Task SaveFtpFilesAsync(string accountSid, IReadOnlyList<FtpFileSubmission> files, SyncBookmark? bookmark, System.DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>Every stored FTP file submission, of one account or of all, in no promised order.</summary>
    /// <param name="accountSid">The account; null for every account in the store.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The files, streamed.</returns>
    IAsyncEnumerable<FtpFileSubmission> ReadFtpFilesAsync(string? accountSid = null, CancellationToken cancellationToken = default);

    /// <summary>Every stored submission, of one account or of all, in no promised order: the history beyond 90 days.</summary>
    /// <param name="accountSid">The account; null for every account in the store.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The submissions, streamed.</returns>
    IAsyncEnumerable<ApiSubmission> ReadSubmissionsAsync(string? accountSid = null, CancellationToken cancellationToken = default);
}
