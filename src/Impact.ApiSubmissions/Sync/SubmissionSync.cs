using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

/// <summary>
/// Keeps an account's API submissions in an <see cref="ISubmissionStore"/>, beyond impact.com's 90 days, and finds what
/// changed. One pass (<see cref="RunPassAsync"/>) lists every submission page by page; each page (or the pages, up to
/// four, fetched while the previous write ran) is stored, with the events it makes and the token that resumes after it,
/// in one transaction, so a pass stopped at any moment resumes where it stopped and never loses or duplicates a row.
/// Submissions still Queued or In Progress that the pass did not see again are then read by BatchId. <see cref="WatchAsync"/> repeats passes and hands out the events.
/// Requests stay within <see cref="SubmissionSyncOptions.RequestsPerHour"/>. One sync per account at a time.
/// </summary>
public class SubmissionSync
{
    /// <summary>The bookmark stream of the API submissions listing.</summary>
    public const string SubmissionsStream = "api-submissions";

    /// <summary>The bookmark stream of the FTP file submissions listing.</summary>
    public const string FtpFilesStream = "ftp-files";

    private const int EventBatch = 100;

    // Pages fetched while a write runs are written together, in one transaction, up to this many. A commit rewrites every
    // index page its rows touched, and a page's random BatchIds touch most of them: the store's time for 45,000 rows in
    // pages of 1,000 on SQLite was 2.7 to 3.8 s a page a commit, 2.0 to 2.5 s four. Eight were faster for the store alone
    // (1.4 s) but not for a whole pass (4.2 s against 3.5 s). Bounds the pages held in memory to twice this many,
    // whatever the account's size.
    private const int MaxPagesPerWrite = 4;
    private readonly ApiSubmissionsClient _client;
    private readonly ISubmissionStore _store;
    private readonly SubmissionSyncOptions _options;
    private readonly RequestBudget _budget;

    /// <summary>Creates a sync of the client's account into a store. Call <see cref="ISubmissionStore.MigrateAsync"/> once before the first pass.</summary>
    /// <param name="client">The client; its credentials name the account.</param>
    /// <param name="store">Where the submissions and events are kept.</param>
    /// <param name="options">Budget, page size and interval; null for the defaults. Read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="store"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SubmissionSync(ApiSubmissionsClient client, ISubmissionStore store, SubmissionSyncOptions? options = null)
        : this(client, store, options, null)
    {
    }

    internal SubmissionSync(ApiSubmissionsClient client, ISubmissionStore store, SubmissionSyncOptions? options, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        options ??= new SubmissionSyncOptions();
        options.Validate();
        _options = options.Copy();
        _budget = new RequestBudget(_options.RequestsPerHour, _options.TimeProvider, () => _client.RateLimit, delay);
        Delay = delay ?? ((wait, ct) => SyncDelay.Wait(_options.TimeProvider, wait, ct));
    }

    /// <summary>For mocking only.</summary>
    protected SubmissionSync()
    {
        _client = null!;
        _store = null!;
        _options = new SubmissionSyncOptions();
        _budget = null!;
        Delay = (_, _) => Task.CompletedTask;
    }

    private Func<TimeSpan, CancellationToken, Task> Delay { get; }

    /// <summary>
    /// One pass: resumes an interrupted pass from its bookmark, or lists from the first page; stores every submission
    /// (new ones inserted, changed ones updated) with the events found, pages written while the next are fetched; then
    /// reads again by BatchId the stored submissions still pending that this pass did not list (at most
    /// <see cref="SubmissionSyncOptions.MaxPendingReadsPerPass"/>). The events are recorded in the store, unreported, for <see cref="WatchAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the pass; what was stored stays, and the next pass resumes after it.</param>
    /// <returns>What the pass did, with the events it recorded.</returns>
    /// <exception cref="ImpactApiException">impact.com answered with an error, after retries (and its subtypes: see <see cref="ApiSubmissionsClient.GetApiSubmissionsAsync"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<SyncPassResult> RunPassAsync(CancellationToken cancellationToken = default)
    {
        var account = _client.AccountSid;
        var result = new SyncPassResult();
        using var activity = SyncTelemetry.StartPass(account);
        var bookmark = await _store.GetBookmarkAsync(account, SubmissionsStream, cancellationToken).ConfigureAwait(false);
        var passes = bookmark?.CompletedPasses ?? 0;
        var baseline = passes == 0 && !_options.ReportExistingOnFirstPass;
        result.Resumed = bookmark?.ContinuationToken is not null;

        var listing = _client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = _options.PageSize }, cancellationToken);

        // Pages are written while the next ones are fetched: a free writer takes every page fetched since its last write
        // (at most MaxPagesPerWrite; the listing waits for it when that many are waiting) and stores them with the bookmark
        // of the last one in one transaction. Writes run one at a time, in page order, so the bookmark never passes a page
        // not stored. When requests are slower than writes (impact.com's latency), each write is one page. A failure on
        // either side waits for the write in flight first.
        var writing = Task.CompletedTask;
        var fetched = new List<(ImpactPage<ApiSubmission> Page, SyncBookmark Mark)>();
        try
        {
            await _budget.TakeAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var page in listing.AsPages(bookmark?.ContinuationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                result.Requests++;
                var next = page.ContinuationToken;
                var now = _options.TimeProvider.GetUtcNow();
                fetched.Add((page, MarkAfter(next, passes, now)));
                if (writing.IsCompleted || fetched.Count >= MaxPagesPerWrite)
                {
                    await writing.ConfigureAwait(false);
                    var pages = fetched;
                    fetched = new List<(ImpactPage<ApiSubmission> Page, SyncBookmark Mark)>();
                    writing = Task.Run(() => StorePagesAsync(account, pages, baseline, passes, result, cancellationToken), cancellationToken);
                }

                if (next is null)
                {
                    break;
                }

                // The next page is requested when the enumeration moves on: the budget is taken first.
                await _budget.TakeAsync(cancellationToken).ConfigureAwait(false);
            }

            await writing.ConfigureAwait(false);
            if (fetched.Count > 0)
            {
                await StorePagesAsync(account, fetched, baseline, passes, result, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Whatever the outcome of the write in flight, it ends before the pass does.
            await writing.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        // Stored submissions still pending that this pass did not list (pages shifted, or the listing resumed past them)
        // are read again by BatchId, the longest unseen first. One the pass listed is not: the listing has just shown its
        // status, and every pass lists it again until it completes.
        var pending = (await _store.GetPendingBatchIdsAsync(account, passes, cancellationToken).ConfigureAwait(false))
            .Take(_options.MaxPendingReadsPerPass)
            .ToList();
        foreach (var batchId in pending)
        {
            await _budget.TakeAsync(cancellationToken).ConfigureAwait(false);
            result.Requests++;
            ApiSubmission submission;
            try
            {
                submission = await _client.GetApiSubmissionAsync(batchId, cancellationToken).ConfigureAwait(false);
            }
            catch (ImpactApiException e) when (e.StatusCode == 404)
            {
                // Past impact.com's 90 days, or removed: the stored row stays as it was last seen.
                continue;
            }

            result.Reread++;
            await StoreAsync(account, Distinct(new[] { submission }), baseline, null, listed: false, passes, result, cancellationToken).ConfigureAwait(false);
        }

        if (_options.IncludeFtpFiles)
        {
            await SyncFtpFilesAsync(account, result, cancellationToken).ConfigureAwait(false);
        }

        activity?.SetTag("impact.sync.pages", result.Pages);
        activity?.SetTag("impact.sync.events", result.Events.Count);
        return result;
    }

    // FTP files: stored page by page with their own bookmark, like the submissions. A file read complete with failed
    // records that the store did not hold so makes an FtpFileFailed event (its failed lines are read on demand with
    // GetFtpErrorDetailsAsync). The event is written before the page's files: a pass stopped between the two writes finds
    // the file still not stored failed next time and records the event again, which the store keeps once by its key.
    private async Task SyncFtpFilesAsync(string account, SyncPassResult result, CancellationToken cancellationToken)
    {
        var bookmark = await _store.GetBookmarkAsync(account, FtpFilesStream, cancellationToken).ConfigureAwait(false);
        var passes = bookmark?.CompletedPasses ?? 0;
        var baseline = passes == 0 && !_options.ReportExistingOnFirstPass;
        HashSet<string>? storedFailed = null;
        var listing = _client.GetFtpSubmissionsAsync(new FtpSubmissionListOptions { PageSize = _options.PageSize }, cancellationToken);
        await _budget.TakeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var page in listing.AsPages(bookmark?.ContinuationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                result.Requests++;
                var files = page.Items.Where(f => !string.IsNullOrWhiteSpace(f.BatchId)).ToList();
                var next = page.ContinuationToken;
                var now = _options.TimeProvider.GetUtcNow();
                var mark = MarkAfter(next, passes, now);
                var failed = files.Where(f => f.IsComplete && f.HasErrors).ToList();
                var events = new List<SubmissionEvent>();
                if (failed.Count > 0)
                {
                    storedFailed ??= await StoredFailedFilesAsync(account, cancellationToken).ConfigureAwait(false);
                    events.AddRange(failed.Where(f => storedFailed.Add(f.BatchId!)).Select(f => new SubmissionEvent(account, f, now)));
                }

                if (events.Count > 0)
                {
                    await _store.SaveAsync(new SyncWrite(account, FtpFilesStream, Array.Empty<ApiSubmission>(), events, baseline, null, now), cancellationToken).ConfigureAwait(false);
                }

                await _store.SaveFtpFilesAsync(account, files, mark, now, cancellationToken).ConfigureAwait(false);
                if (!baseline)
                {
                    result.Add(events);
                }

                result.FtpFiles += files.Count;
                _options.Progress?.Invoke(result);
                if (next is null)
                {
                    break;
                }

                await _budget.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ImpactApiException e) when (e.StatusCode == 403)
        {
            result.FtpFilesSkipped = true;
        }
    }

    // The bookmark after a page: the token of the next page, or, after the last, the pass counted as completed.
    private static SyncBookmark MarkAfter(string? next, long passes, DateTimeOffset now) =>
        next is null ? new SyncBookmark(null, passes + 1, now) : new SyncBookmark(next, passes, now);

    // The BatchIds of the stored FTP files that completed with failed records. Files are few (tens a day at most).
    private async Task<HashSet<string>> StoredFailedFilesAsync(string account, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var file in _store.ReadFtpFilesAsync(account, cancellationToken).ConfigureAwait(false))
        {
            if (file.IsComplete && file.HasErrors && file.BatchId is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// Runs a pass, hands out the events recorded and not yet reported, rests <see cref="SubmissionSyncOptions.Interval"/>,
    /// and again, until cancelled. Each event is marked reported in the store when the consumer asks for the next one, so
    /// a watch stopped at any moment and started again hands out every event, and each once, except the one the consumer
    /// held when it stopped, which comes again (at-least-once: drop a repeat by <see cref="SubmissionEvent.Key"/>).
    /// Events are recorded in the same transaction as the rows that made them, so none is lost between two runs.
    /// A pass that fails on something that may pass goes to <see cref="SubmissionSyncOptions.PassFailed"/> and the watch goes on.
    /// </summary>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The events, as they are found.</returns>
    public virtual IAsyncEnumerable<SubmissionEvent> WatchAsync(CancellationToken cancellationToken = default) => WatchCoreAsync(cancellationToken);

    private async IAsyncEnumerable<SubmissionEvent> WatchCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var account = _client.AccountSid;
        while (true)
        {
            // Events recorded by an earlier watch that stopped before handing them out come first.
            await foreach (var e in UnreportedAsync(account, cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }

            await PassOrReportAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var e in UnreportedAsync(account, cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }

            await Delay(_options.Interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<SubmissionEvent> UnreportedAsync(string account, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await _store.GetUnreportedEventsAsync(account, EventBatch, cancellationToken).ConfigureAwait(false);
            foreach (var e in batch)
            {
                yield return e;

                // The consumer is done with it. Not cancellable: a Ctrl+C now must not leave a handled event unmarked.
                await _store.MarkReportedAsync(account, e.Key, CancellationToken.None).ConfigureAwait(false);
            }

            if (batch.Count < EventBatch)
            {
                yield break;
            }
        }
    }

    private async Task PassOrReportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunPassAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (MayPass(e) && !cancellationToken.IsCancellationRequested)
        {
            SyncTelemetry.PassFailed(e);
            _options.PassFailed?.Invoke(e);
        }
    }

    private static bool MayPass(Exception e) => e switch
    {
        ImpactTransportException or ImpactTimeoutException or ImpactWireFormatException => true,
        ImpactApiException api => api.StatusCode is 429 or >= 500 or 0,
        _ => false,
    };

    // Pages in order, stored with the bookmark of the last. Their counts move when they are stored, so Progress sees the
    // pages stored, not those fetched.
    private async Task StorePagesAsync(string account, IReadOnlyList<(ImpactPage<ApiSubmission> Page, SyncBookmark Mark)> pages, bool baseline, long pass, SyncPassResult result, CancellationToken cancellationToken)
    {
        foreach (var (page, _) in pages)
        {
            result.NumPages = page.PageInfo.NumPages ?? result.NumPages;
            result.Total = page.PageInfo.Total ?? result.Total;
        }

        var mark = pages[pages.Count - 1].Mark;
        result.Pages += pages.Count;
        result.Completed = mark.ContinuationToken is null;
        await StoreAsync(account, Distinct(pages.SelectMany(p => p.Page.Items)), baseline, mark, listed: true, pass, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task StoreAsync(string account, IReadOnlyList<ApiSubmission> rows, bool baseline, SyncBookmark? bookmark, bool listed, long pass, SyncPassResult result, CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var states = rows.Count == 0
            ? new Dictionary<string, StoredSubmissionState>()
            : await _store.GetStatesAsync(account, rows.Select(r => r.BatchId!).ToList(), cancellationToken).ConfigureAwait(false);
        var events = await DetectAsync(account, rows, states, now, cancellationToken).ConfigureAwait(false);
        if (baseline)
        {
            // History is not news: its failures and fixes are kept (marked reported) for the record and the fix links,
            // but a completion per historical submission would only fill the table.
            events = events.Where(e => e.Kind != SubmissionEventKind.Completed).ToList();
        }

        await _store.SaveAsync(new SyncWrite(account, SubmissionsStream, rows, events, baseline, bookmark, now, pass), cancellationToken).ConfigureAwait(false);

        if (listed)
        {
            result.Read += rows.Count;
        }

        foreach (var row in rows)
        {
            if (!states.TryGetValue(row.BatchId!, out var old))
            {
                result.Inserted++;
            }

            if (old is not null && (old.Status != row.Status?.ToString() || old.HasErrors != row.HasErrors))
            {
                result.Changed++;
            }
        }

        if (!baseline)
        {
            result.Add(events);
        }

        result.RateLimit = _client.RateLimit;
        SyncTelemetry.Stored(rows, baseline ? Array.Empty<SubmissionEvent>() : events);
        _options.Progress?.Invoke(result);
    }

    // A submission makes an event when it is first seen complete, or its completion or errors changed: Failed with
    // errors, else Completed. A submission newly complete without errors fixes every earlier failure of its OrderId.
    private async Task<IReadOnlyList<SubmissionEvent>> DetectAsync(
        string account, IReadOnlyList<ApiSubmission> rows, IReadOnlyDictionary<string, StoredSubmissionState> states, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = new List<SubmissionEvent>();
        var fixers = new List<(ApiSubmission Submission, string OrderId)>();
        var newFailures = new List<StoredSubmissionState>();
        foreach (var row in rows)
        {
            if (!row.IsComplete)
            {
                continue;
            }

            states.TryGetValue(row.BatchId!, out var old);
            if (old is not null && old.Status == SubmissionStatus.Complete.ToString() && old.HasErrors == row.HasErrors)
            {
                continue;
            }

            var orderId = OrderIdOf(row);
            if (row.HasErrors)
            {
                events.Add(new SubmissionEvent(SubmissionEventKind.Failed, account, row, now));
                if (orderId is not null)
                {
                    newFailures.Add(new StoredSubmissionState(row.BatchId!, row.Status?.ToString(), true, orderId, row.SubmissionDate));
                }
            }
            else
            {
                events.Add(new SubmissionEvent(SubmissionEventKind.Completed, account, row, now));
                if (orderId is not null)
                {
                    fixers.Add((row, orderId));
                }
            }
        }

        if (fixers.Count > 0)
        {
            // The failures by OrderId: a page's fixers each look at their own OrderId's failures only (a scan of every
            // failure for every fixer took a third of a pass's store time at 45,000 rows).
            var failuresByOrder = (await _store.GetUnfixedFailuresAsync(account, fixers.Select(f => f.OrderId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false))
                .Concat(newFailures)
                .GroupBy(f => f.BatchId, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToLookup(f => f.OrderId, StringComparer.Ordinal);
            var claimed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (fixer, orderId) in fixers.OrderBy(f => f.Submission.SubmissionDate ?? DateTimeOffset.MaxValue))
            {
                foreach (var failure in failuresByOrder[orderId].Where(f => f.BatchId != fixer.BatchId && Before(f.SubmissionDate, fixer.SubmissionDate)))
                {
                    if (claimed.Add(failure.BatchId))
                    {
                        var failed = ApiSubmissionsModelFactory.ApiSubmission(batchId: failure.BatchId, orderId: failure.OrderId, submissionDate: failure.SubmissionDate, status: SubmissionStatus.Complete);
                        events.Add(new SubmissionEvent(SubmissionEventKind.Fixed, account, failed, now, fixer.BatchId));
                    }
                }
            }
        }

        return events;
    }

    // Without both dates the order is unknown: a later read fixing an earlier failure is the likely story.
    private static bool Before(DateTimeOffset? failure, DateTimeOffset? fix) => failure is null || fix is null || failure.Value <= fix.Value;

    /// <summary>The submission's OrderId, else the one in its Payload.</summary>
    internal static string? OrderIdOf(ApiSubmission submission)
    {
        if (!string.IsNullOrWhiteSpace(submission.OrderId))
        {
            return submission.OrderId;
        }

        return SubmissionPayload.TryParse(submission.Payload, out var payload) && !string.IsNullOrWhiteSpace(payload.OrderId)
            ? payload.OrderId
            : null;
    }

    // A page can show a record twice (records shift while listing): the last copy wins; a record without a BatchId cannot be kept.
    private static IReadOnlyList<ApiSubmission> Distinct(IEnumerable<ApiSubmission> submissions)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<ApiSubmission>();
        foreach (var s in submissions)
        {
            if (string.IsNullOrWhiteSpace(s.BatchId))
            {
                continue;
            }

            if (byId.TryGetValue(s.BatchId!, out var at))
            {
                list[at] = s;
            }
            else
            {
                byId[s.BatchId!] = list.Count;
                list.Add(s);
            }
        }

        return list;
    }
}
