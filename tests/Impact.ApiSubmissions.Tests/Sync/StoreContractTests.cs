using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Storage;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Sync;

/// <summary>
/// What every store must do, run against a real database by each subclass (a SQLite file, a PostgreSQL server): the
/// sync engine over the mock impact.com writes through the store, and the tests read back what it kept.
/// </summary>
public abstract class StoreContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(-8));

    /// <summary>A new, empty, migrated store on a database of its own.</summary>
    protected async Task<SqlSubmissionStore> CreateStoreAsync()
    {
        var store = CreateUnmigratedStore(await NewDatabaseAsync());
        await store.MigrateAsync();
        return store;
    }

    /// <summary>A new, empty database of its own: a SQLite path or a PostgreSQL connection string.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>A store over <paramref name="database"/>, not migrated.</summary>
    protected abstract SqlSubmissionStore CreateUnmigratedStore(string database);

    /// <summary>A connection to <paramref name="database"/> outside any store, not opened.</summary>
    protected abstract System.Data.Common.DbConnection Connect(string database);

    /// <summary>Runs SQL on <paramref name="database"/> outside any store, and returns the first column of each row as text.</summary>
    protected async Task<IReadOnlyList<string>> RunSqlAsync(string database, string sql)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Another store object on the same database as <paramref name="store"/>, as a restarted process would open.</summary>
    protected abstract SqlSubmissionStore Reopen(SqlSubmissionStore store);

    [Fact]
    public async Task A_pass_stopped_mid_listing_resumes_after_its_last_stored_page_and_ends_with_every_row_once()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 230, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        using var stop = new CancellationTokenSource();
        var storedPages = 0;

        // Pages fetched while a write runs are written together (at most four), so the stop comes after 4 to 7 pages of 12.
        var first = new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 20, Progress = p => { if (p.Pages >= 4 && storedPages == 0) { storedPages = p.Pages; stop.Cancel(); } } });

        var interrupted = () => first.RunPassAsync(stop.Token);
        await interrupted.Should().ThrowAsync<OperationCanceledException>();
        storedPages.Should().BeInRange(4, 7);
        (await store.CountSubmissionsAsync(server.AccountSid)).Should().Be(20 * storedPages, "the pages stored before the stop, and no more");
        (await store.GetBookmarkAsync(server.AccountSid, SubmissionSync.SubmissionsStream))!.ContinuationToken.Should().Contain($"Page={storedPages + 1}");

        await using var reopened = Reopen(store);
        var result = await new SubmissionSync(client, reopened, new SubmissionSyncOptions { PageSize = 20 }).RunPassAsync();

        result.Resumed.Should().BeTrue();
        result.Completed.Should().BeTrue();
        result.Pages.Should().Be(12 - storedPages, "the pages after the stored ones were left");
        var stored = await reopened.ReadSubmissionsAsync(server.AccountSid).ToListAsync();
        stored.Should().HaveCount(result.Total!.Value).And.HaveCount(230);
        stored.Select(s => s.BatchId).Should().BeEquivalentTo(server.Submissions.Select(s => s.BatchId));
        var bookmark = await reopened.GetBookmarkAsync(server.AccountSid, SubmissionSync.SubmissionsStream);
        bookmark!.ContinuationToken.Should().BeNull();
        bookmark.CompletedPasses.Should().Be(1);
    }

    [Fact]
    public async Task Every_field_is_stored_and_read_back_as_impact_com_sent_it()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 3, SubmissionCount = 40, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();

        await new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 15 }).RunPassAsync();

        var listed = await client.GetApiSubmissionsAsync().ToListAsync();
        var stored = (await store.ReadSubmissionsAsync(server.AccountSid).ToListAsync()).ToDictionary(s => s.BatchId!);
        foreach (var s in listed)
        {
            var back = stored[s.BatchId!];
            back.Should().BeEquivalentTo(s);
            back.SubmissionDate!.Value.Offset.Should().Be(s.SubmissionDate!.Value.Offset, "the account's offset is kept");
        }
    }

    [Fact]
    public async Task A_field_the_stores_columns_do_not_name_is_kept_and_read_back()
    {
        // A field impact.com sends that the spec does not name, or one the spec adds after the schema was made.
        var sent = Impact.ApiSubmissions.Serialization.ImpactJson.Deserialize<ApiSubmission>(
            "{\"BatchId\":\"A-w1re0000-0000-4000-8000-000000000001\",\"Status\":\"Complete\",\"ReviewedBy\":\"ops-team\",\"RiskScore\":0.75}");
        await using var store = await CreateStoreAsync();

        await store.SaveAsync(new SyncWrite("IRwire", SubmissionSync.SubmissionsStream, new[] { sent }, Array.Empty<SubmissionEvent>(), false, null, Now));

        var back = (await store.ReadSubmissionsAsync("IRwire").ToListAsync()).Should().ContainSingle().Which;
        back.AdditionalFields.Should().Contain("ReviewedBy", "ops-team").And.Contain("RiskScore", "0.75");
        Impact.ApiSubmissions.Serialization.ImpactJson.Serialize(back).Should().Be(Impact.ApiSubmissions.Serialization.ImpactJson.Serialize(sent));
    }

    [Fact]
    public async Task A_pending_submission_is_listed_again_until_it_completes_and_its_failure_is_one_event()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 10, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        var batchId = server.AddProgressingSubmission(
            new ApiSubmissionBuilder().WithBatchId("A-pr0gre55-0000-4000-8000-000000000001").WithOrderId("555").WithErrors("Contract Error", "CONTRACT_NOT_FOUND"),
            getsPerStatus: 1).BatchId!;
        var sync = new SubmissionSync(client, store);

        // impact.com works on it between two passes: the mock moves it on each time a page shows it.
        var statuses = new List<string?>();
        var events = new List<SubmissionEvent>();
        for (var pass = 0; pass < 5 && statuses.LastOrDefault() != "Complete"; pass++)
        {
            events.AddRange((await sync.RunPassAsync()).Events);
            statuses.Add((await store.GetStatesAsync(server.AccountSid, new[] { batchId }))[batchId].Status);
        }

        statuses.Should().Equal("Queued", "In Progress", "Complete");
        events.Where(e => e.BatchId == batchId).Select(e => e.Kind).Should().Equal(SubmissionEventKind.Failed);
        server.ReceivedRequests.Should().NotContain(r => r.PathAndQuery.Contains(batchId, StringComparison.Ordinal), "each pass's listing showed it, so no pass read it by BatchId");
        (await store.GetPendingBatchIdsAsync(server.AccountSid)).Should().NotContain(batchId);
        (await sync.RunPassAsync()).Events.Should().BeEmpty("nothing changed since");
    }

    [Fact]
    public async Task A_pass_reads_by_BatchId_only_the_pending_submissions_its_listing_did_not_show()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 19, SubmissionCount = 200, FtpFileSubmissionCount = 0, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        server.Submissions.Should().Contain(s => !s.IsComplete, "the generated account has submissions still Queued or In Progress");

        var first = await new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 50 }).RunPassAsync();

        first.Reread.Should().Be(0, "every pending submission was stored by this pass, from the page that just showed it");
        first.Requests.Should().Be(5, "four pages and the FTP listing");

        // A row stored Queued by an earlier pass that no page shows any more (removed, or past impact.com's 90 days) is
        // read by BatchId; the pending rows the listing shows again are not, whatever pass first stored them.
        var gone = ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-90ne0000-0000-4000-8000-000000000001", status: SubmissionStatus.Queued, submissionDate: Now.AddDays(-91));
        await store.SaveAsync(new SyncWrite(server.AccountSid, SubmissionSync.SubmissionsStream, new[] { gone }, Array.Empty<SubmissionEvent>(), false, null, Now, pass: 0));
        var before = server.ReceivedRequests.Count;

        var second = await new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 50, MaxPendingReadsPerPass = 1000 }).RunPassAsync();

        var reads = server.ReceivedRequests.Skip(before).Where(r => r.Method == "GET" && r.PathAndQuery.Contains("/APISubmissions/", StringComparison.Ordinal)).ToList();
        reads.Should().ContainSingle().Which.PathAndQuery.Should().EndWith("/" + gone.BatchId);
        second.Requests.Should().Be(5 + 1);
        second.Reread.Should().Be(0, "impact.com no longer has the gone one (404)");
        (await store.GetStatesAsync(server.AccountSid, new[] { gone.BatchId! }))[gone.BatchId!].Status.Should().Be("Queued", "a row impact.com no longer has stays as last seen");
    }

    [Fact]
    public async Task Pending_submissions_not_seen_in_a_pass_come_longest_unseen_first()
    {
        await using var store = await CreateStoreAsync();
        async Task WriteAsync(string batchId, long? pass, int minutes) => await store.SaveAsync(new SyncWrite(
            "IRseen", SubmissionSync.SubmissionsStream, new[] { ApiSubmissionsModelFactory.ApiSubmission(batchId: batchId, status: SubmissionStatus.InProgress, submissionDate: Now.AddMinutes(minutes)) },
            Array.Empty<SubmissionEvent>(), false, null, Now, pass));
        await WriteAsync("A-seen-2", 2, 1);
        await WriteAsync("A-seen-0", 0, 2);
        await WriteAsync("A-seen-unknown", null, 3);
        await WriteAsync("A-seen-3", 3, 0);
        await WriteAsync("A-seen-0-older", 0, 0);
        await WriteAsync("A-seen-1-kept", 1, 0);
        await WriteAsync("A-seen-1-kept", null, 0);

        (await store.GetPendingBatchIdsAsync("IRseen", notSeenInPass: 3)).Should().Equal("A-seen-unknown", "A-seen-0-older", "A-seen-0", "A-seen-1-kept", "A-seen-2");
        (await store.GetPendingBatchIdsAsync("IRseen")).Should().HaveCount(6);
    }

    [Fact]
    public async Task A_resumed_pass_does_not_read_again_the_pending_submissions_its_stopped_run_listed()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 23, SubmissionCount = 100, FtpFileSubmissionCount = 0, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();

        // The generated pending rows are the newest of the 100 (pages 1 to 4 of 25); 30 complete ones follow (pages 5 and 6).
        for (var i = 1; i <= 30; i++)
        {
            server.Add(new ApiSubmissionBuilder().WithBatchId($"A-1a7e0000-0000-4000-8000-{i.ToString("000000000000", System.Globalization.CultureInfo.InvariantCulture)}").WithSubmissionDate(Now.AddMinutes(i)));
        }

        // A complete first pass stores every row with its pass (0).
        await new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 25 }).RunPassAsync();
        var pending = (await store.GetPendingBatchIdsAsync(server.AccountSid)).ToList();
        pending.Should().NotBeEmpty();

        // The second pass, in pages of 4, stops after 25 to 28 of its 33 pages (pages fetched while a write runs are
        // written together, at most four), past the pending rows (rows 92 to 100); a new run resumes it after them, so it
        // does not list them itself.
        using var stop = new CancellationTokenSource();
        var stored = 0;
        var stopped = () => new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 4, Progress = p => { if (p.Pages >= 25 && stored == 0) { stored = p.Pages; stop.Cancel(); } } }).RunPassAsync(stop.Token);
        await stopped.Should().ThrowAsync<OperationCanceledException>();
        stored.Should().BeInRange(25, 28);
        var listedBeforeTheStop = (await client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 4, MaxPages = stored }).ToListAsync()).Select(s => s.BatchId!).ToHashSet();
        var before = server.ReceivedRequests.Count;

        var resumed = await new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 4, MaxPendingReadsPerPass = 1000 }).RunPassAsync();

        resumed.Resumed.Should().BeTrue();
        var reads = server.ReceivedRequests.Skip(before)
            .Where(r => r.Method == "GET" && r.PathAndQuery.Contains("/APISubmissions/", StringComparison.Ordinal))
            .Select(r => r.PathAndQuery.Split('/').Last().Split('?')[0])
            .ToList();
        resumed.Pages.Should().Be(33 - stored);
        pending.Should().OnlyContain(b => listedBeforeTheStop.Contains(b), "the test needs the pending rows on the pages the stopped run listed");
        reads.Should().BeEmpty("the stopped run listed them in this same pass, which the new run continues");
        resumed.Reread.Should().Be(0);
    }

    [Fact]
    public async Task A_watch_stopped_at_any_moment_and_started_again_reports_every_failure_once()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 9, SubmissionCount = 30, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        var options = new SubmissionSyncOptions { PageSize = 10, Interval = TimeSpan.FromHours(1) };
        (await new SubmissionSync(client, store, options).RunPassAsync()).Events.Should().BeEmpty("the first pass records the history as already reported");

        var failures = Enumerable.Range(1, 6).Select(i => server.Add(Failure(i)).BatchId!).ToList();

        // Stopped after detecting, before handing anything out: the events wait in the store.
        await new SubmissionSync(client, Reopen(store), options).RunPassAsync();

        // Stopped while the consumer held its second event: that one comes again, nothing else does.
        var firstRun = await TakeAsync(new SubmissionSync(client, Reopen(store), options), 2);
        firstRun.Should().HaveCount(2);

        // A kill between a new pass's write and its delivery loses nothing either.
        var late = server.Add(Failure(7)).BatchId!;
        await new SubmissionSync(client, Reopen(store), options).RunPassAsync();

        var secondRun = await TakeAsync(new SubmissionSync(client, Reopen(store), options), 6);
        var all = firstRun.Concat(secondRun).ToList();
        all.Select(e => e.BatchId).Distinct().Should().BeEquivalentTo(failures.Append(late));
        all.Where(e => e.BatchId != firstRun[1].BatchId).Select(e => e.Key).Should().OnlyHaveUniqueItems();
        secondRun[0].Key.Should().Be(firstRun[1].Key, "the event the consumer held when the watch stopped is handed out again, first");
        all.Should().OnlyContain(e => e.Kind == SubmissionEventKind.Failed);
        secondRun.Should().Contain(e => e.BatchId == late).Which.ErrorReasons.Should().Equal(ErrorReason.ContractNotFound);

        (await store.GetUnreportedEventsAsync(server.AccountSid, 100)).Should().ContainSingle("the last one handed out is marked when the consumer asks for more");
    }

    [Fact]
    public async Task A_later_submission_of_the_same_OrderId_that_completes_fixes_the_failure_once()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 13, SubmissionCount = 5, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        var sync = new SubmissionSync(client, store, new SubmissionSyncOptions { ReportExistingOnFirstPass = true });
        var failed = server.Add(Failure(1, orderId: "ORD-77")).BatchId!;
        (await sync.RunPassAsync()).Events.Should().Contain(e => e.Kind == SubmissionEventKind.Failed && e.BatchId == failed);

        // The fix arrives with its OrderId only in the Payload; a second good one of the same order fixes nothing more.
        var fix = server.Add(new ApiSubmissionBuilder().WithBatchId("A-f1xf1x00-0000-4000-8000-000000000001").WithSubmissionDate(Now.AddMinutes(5))
            .WithCompletionDate(Now.AddMinutes(6)).WithOrderId(null).WithPayload("CampaignId=1000&EventTypeId=4000&OrderId=ORD-77&ClickId=x").WithoutErrors()).BatchId!;
        server.Add(new ApiSubmissionBuilder().WithBatchId("A-f1xf1x00-0000-4000-8000-000000000002").WithSubmissionDate(Now.AddMinutes(7))
            .WithCompletionDate(Now.AddMinutes(8)).WithOrderId("ORD-77").WithoutErrors());
        var events = (await sync.RunPassAsync()).Events;

        events.Where(e => e.Kind == SubmissionEventKind.Fixed).Should().ContainSingle()
            .Which.Should().Match<SubmissionEvent>(e => e.BatchId == failed && e.FixedByBatchId == fix);
        var reported = await store.GetUnreportedEventsAsync(server.AccountSid, 100);
        reported.Single(e => e.Kind == SubmissionEventKind.Fixed).Submission.ErrorReason.Should().Be("CONTRACT_NOT_FOUND", "the event reads the failure as stored");
        (await store.GetUnfixedFailuresAsync(server.AccountSid, new[] { "ORD-77" })).Should().BeEmpty();
    }

    [Fact]
    public async Task A_pass_keeps_the_FTP_file_submissions_too_with_a_bookmark_of_their_own()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 17, SubmissionCount = 5, FtpFileSubmissionCount = 45, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        var sync = new SubmissionSync(client, store, new SubmissionSyncOptions { PageSize = 20 });

        var first = await sync.RunPassAsync();
        var second = await sync.RunPassAsync();

        first.FtpFiles.Should().Be(45);
        second.FtpFiles.Should().Be(45);
        var stored = await store.ReadFtpFilesAsync(server.AccountSid).ToListAsync();
        stored.Should().BeEquivalentTo(server.FtpFileSubmissions, o => o.Excluding(f => f.AdditionalFields));
        (await store.GetBookmarkAsync(server.AccountSid, SubmissionSync.FtpFilesStream))!.CompletedPasses.Should().Be(2);
    }

    [Fact]
    public async Task An_FTP_file_that_completes_with_failed_records_is_one_event_across_passes_and_restarts()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 29, SubmissionCount = 5, FtpFileSubmissionCount = 30, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        var options = new SubmissionSyncOptions { PageSize = 10, Interval = TimeSpan.FromHours(1) };
        server.FtpFileSubmissions.Should().Contain(f => f.IsComplete && f.HasErrors, "the test needs failed files in the history");
        (await new SubmissionSync(client, store, options).RunPassAsync()).Events.Should().BeEmpty("the first pass records the history, failed files included, as already reported");
        (await store.GetUnreportedEventsAsync(server.AccountSid, 100)).Should().BeEmpty();

        var failed = server.AddFtpFileSubmission(FtpFile(1, "june.csv", 40), new[] { FtpLine(3), FtpLine(17) });
        server.AddFtpFileSubmission(FtpFile(2, "july.csv", 25));

        // Stopped after the pass recorded the event, before a watch handed it out; a later pass lists the file again.
        var pass = await new SubmissionSync(client, Reopen(store), options).RunPassAsync();
        pass.Events.Should().ContainSingle().Which.Should().Match<SubmissionEvent>(e => e.Kind == SubmissionEventKind.FtpFileFailed && e.BatchId == failed.BatchId);
        (await new SubmissionSync(client, Reopen(store), options).RunPassAsync()).Events.Should().BeEmpty("the file is stored failed already");

        var watched = (await TakeAsync(new SubmissionSync(client, Reopen(store), options), 1)).Single();
        watched.Kind.Should().Be(SubmissionEventKind.FtpFileFailed);
        watched.Key.Should().Be("ftp-failed:" + failed.BatchId);
        watched.FtpFile!.FileName.Should().Be("june.csv");
        watched.FtpFile.TotalErrors.Should().Be(2);
        watched.FtpFile.TotalRecords.Should().Be(40);
        watched.Submission.BatchId.Should().Be(failed.BatchId, "code written for submission events reads a file's BatchId, dates and status there");
        watched.Submission.Status.Should().Be(SubmissionStatus.Complete);
        watched.ErrorReasons.Should().BeEmpty();

        // The watch was stopped while the consumer held it: it comes again once, then never.
        var again = await TakeAsync(new SubmissionSync(client, Reopen(store), options), 1);
        again.Single().Key.Should().Be(watched.Key);
        await new SubmissionSync(client, Reopen(store), options).RunPassAsync();
        (await store.GetUnreportedEventsAsync(server.AccountSid, 100)).Should().ContainSingle("only the event held at the last stop is unmarked")
            .Which.Key.Should().Be(watched.Key);
    }

    [Fact]
    public async Task A_pass_stopped_between_an_FTP_files_event_and_its_row_records_the_event_once_on_the_next_pass()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 31, SubmissionCount = 5, FtpFileSubmissionCount = 0, Now = Now });
        using var client = server.CreateClient();
        await using var store = await CreateStoreAsync();
        var options = new SubmissionSyncOptions { PageSize = 10 };
        await new SubmissionSync(client, store, options).RunPassAsync();
        var failed = server.AddFtpFileSubmission(FtpFile(3, "august.csv", 8), new[] { FtpLine(5) });

        var stopping = new FtpWritesFail(Reopen(store));
        await new SubmissionSync(client, stopping, options).Invoking(s => s.RunPassAsync()).Should().ThrowAsync<TimeoutException>();
        stopping.FailedWrites.Should().Be(1);
        (await store.ReadFtpFilesAsync(server.AccountSid).ToListAsync()).Should().BeEmpty("the pass stopped before the file's row");

        var next = await new SubmissionSync(client, Reopen(store), options).RunPassAsync();
        next.Events.Should().ContainSingle(e => e.BatchId == failed.BatchId);
        var unreported = await store.GetUnreportedEventsAsync(server.AccountSid, 100);
        unreported.Should().ContainSingle().Which.FtpFile!.FileName.Should().Be("august.csv");
    }

    [Fact]
    public async Task A_write_of_many_rows_with_a_BatchId_twice_stores_each_once_with_its_last_copy()
    {
        await using var store = await CreateStoreAsync();
        var rows = Enumerable.Range(1, 250)
            .Select(i => ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), status: SubmissionStatus.Queued))
            .Append(ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-7", status: SubmissionStatus.Complete, errorType: SubmissionErrorType.Validation, errorReason: "MALFORMED"))
            .ToList();

        await store.SaveAsync(new SyncWrite("IRmany", SubmissionSync.SubmissionsStream, rows, Array.Empty<SubmissionEvent>(), false, null, Now));

        (await store.CountSubmissionsAsync("IRmany")).Should().Be(250);
        var seven = (await store.GetStatesAsync("IRmany", new[] { "A-7" }))["A-7"];
        seven.Status.Should().Be("Complete");
        seven.HasErrors.Should().BeTrue();
        (await store.GetPendingBatchIdsAsync("IRmany")).Should().HaveCount(249);
    }

    [Fact]
    public async Task Look_ups_of_many_keys_at_once_return_exactly_the_accounts_stored_matches()
    {
        // More keys than one look-up statement used to take (500), with repeats, unknown keys and another account's rows.
        await using var store = await CreateStoreAsync();
        static string Id(int i) => "A-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        static ApiSubmission Row(int i) => i % 10 == 0
            ? ApiSubmissionsModelFactory.ApiSubmission(batchId: Id(i), orderId: "ORD-" + (i % 300).ToString(System.Globalization.CultureInfo.InvariantCulture), status: SubmissionStatus.Complete,
                errorType: SubmissionErrorType.Validation, errorReason: "MALFORMED", submissionDate: Now.AddMinutes(i))
            : ApiSubmissionsModelFactory.ApiSubmission(batchId: Id(i), orderId: "ORD-" + (i % 300).ToString(System.Globalization.CultureInfo.InvariantCulture), status: SubmissionStatus.Complete,
                submissionDate: Now.AddMinutes(i));
        await store.SaveAsync(new SyncWrite("IRlook", SubmissionSync.SubmissionsStream, Enumerable.Range(1, 1500).Select(Row).ToList(), Array.Empty<SubmissionEvent>(), false, null, Now));
        await store.SaveAsync(new SyncWrite("IRother", SubmissionSync.SubmissionsStream, Enumerable.Range(1, 1500).Select(Row).ToList(), Array.Empty<SubmissionEvent>(), false, null, Now));
        var fixedOne = Row(20);
        await store.SaveAsync(new SyncWrite(
            "IRlook", SubmissionSync.SubmissionsStream, Array.Empty<ApiSubmission>(), new[] { new SubmissionEvent(SubmissionEventKind.Fixed, "IRlook", fixedOne, Now, Id(21)) }, false, null, Now));

        var asked = Enumerable.Range(200, 1200).Select(Id).Concat(Enumerable.Range(200, 50).Select(Id)).Concat(new[] { "A-nope", "A-9999" }).ToList();
        var states = await store.GetStatesAsync("IRlook", asked);

        states.Keys.OrderBy(k => k, StringComparer.Ordinal).Should().Equal(Enumerable.Range(200, 1200).Select(Id).OrderBy(k => k, StringComparer.Ordinal));
        states[Id(210)].Should().Match<StoredSubmissionState>(s => s.HasErrors && s.Status == "Complete" && s.OrderId == "ORD-210" && s.SubmissionDate == Now.AddMinutes(210));
        states[Id(211)].HasErrors.Should().BeFalse();

        // Keys travel as text in one parameter: quotes, backslashes and non-ASCII come through as they are.
        const string odd = "A-\"q\"-\\-é-✓";
        await store.SaveAsync(new SyncWrite("IRlook", SubmissionSync.SubmissionsStream, new[] { ApiSubmissionsModelFactory.ApiSubmission(batchId: odd, status: SubmissionStatus.Queued) },
            Array.Empty<SubmissionEvent>(), false, null, Now));
        (await store.GetStatesAsync("IRlook", new[] { odd, "A-\"q\"" })).Keys.Should().Equal(odd);

        // Every OrderId of the account, asked with repeats: only its completed failures not fixed yet come back, each once.
        var orders = Enumerable.Range(0, 300).Select(i => "ORD-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var failures = await store.GetUnfixedFailuresAsync("IRlook", orders.Concat(orders).Append("ORD-none").ToList());

        failures.Select(f => f.BatchId).OrderBy(k => k, StringComparer.Ordinal).Should().Equal(
            Enumerable.Range(1, 1500).Where(i => i % 10 == 0 && i != 20).Select(Id).OrderBy(k => k, StringComparer.Ordinal), "each once; the failure of A-20 was fixed, the other rows have no errors");
        failures.Should().OnlyContain(f => f.HasErrors && f.Status == "Complete");
        failures.Where(f => f.OrderId == "ORD-10").Select(f => f.BatchId).Should().BeEquivalentTo(new[] { Id(10), Id(310), Id(610), Id(910), Id(1210) }, "one OrderId can have many failures");
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_the_schema_version_is_recorded()
    {
        await using var store = await CreateStoreAsync();
        await store.MigrateAsync();
        await Reopen(store).MigrateAsync();
        SqlSubmissionStore.SchemaVersion.Should().Be(5);
        (await store.GetBookmarkAsync("IRnone", SubmissionSync.SubmissionsStream)).Should().BeNull();
    }

    [Fact]
    public async Task A_database_of_schema_4_moves_to_5_keeping_its_rows_and_answering_its_look_ups_from_the_new_indexes()
    {
        // A database as the previous release left it: migrations 1 to 4, applied by hand.
        var database = await NewDatabaseAsync();
        await RunSqlAsync(database, "CREATE TABLE impact_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
        foreach (var (version, statements) in StoreSchema.Migrations.Where(m => m.Version <= 4))
        {
            foreach (var statement in statements)
            {
                await RunSqlAsync(database, statement);
            }

            await RunSqlAsync(database, $"INSERT INTO impact_schema_version (version, applied_at) VALUES ({version}, '2026-11-30T00:00:00Z')");
        }

        await using var store = CreateUnmigratedStore(database);
        var rows = new[]
        {
            Failure(1, "ORD-1").Build(),
            Failure(2, "ORD-2").Build(),
            ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-d0ne", orderId: "ORD-1", status: SubmissionStatus.Complete, submissionDate: Now),
            ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-queued", orderId: "ORD-3", status: SubmissionStatus.Queued, submissionDate: Now),
            ApiSubmissionsModelFactory.ApiSubmission(batchId: "A-running", orderId: "ORD-4", status: SubmissionStatus.InProgress, submissionDate: Now.AddMinutes(1)),
        };
        await store.SaveAsync(new SyncWrite("IRv4", SubmissionSync.SubmissionsStream, rows, Array.Empty<SubmissionEvent>(), false, null, Now, pass: 0));

        await store.MigrateAsync();

        (await RunSqlAsync(database, "SELECT CAST(version AS TEXT) FROM impact_schema_version ORDER BY version")).Should().Equal("1", "2", "3", "4", "5");
        (await store.CountSubmissionsAsync("IRv4")).Should().Be(5);
        (await store.GetPendingBatchIdsAsync("IRv4")).Should().Equal("A-queued", "A-running");
        (await store.GetUnfixedFailuresAsync("IRv4", new[] { "ORD-1", "ORD-2", "ORD-3" })).Select(f => f.BatchId).Should().BeEquivalentTo(rows[0].BatchId, rows[1].BatchId);
        (await store.GetStatesAsync("IRv4", new[] { "A-d0ne", "A-queued" })).Keys.Should().BeEquivalentTo("A-d0ne", "A-queued");
        (await RunSqlAsync(database, IndexNamesSql)).Where(n => n.StartsWith("ix_impact_submissions", StringComparison.Ordinal)).Should().BeEquivalentTo(
            "ix_impact_submissions_pending", "ix_impact_submissions_failures");
    }

    [Fact]
    public async Task An_FTP_file_given_twice_in_one_write_keeps_its_last_copy_and_a_later_write_updates_it()
    {
        await using var store = await CreateStoreAsync();
        var first = FtpFile(1, "june.csv", 40);
        var again = ApiSubmissionsModelFactory.FtpFileSubmission(batchId: first.BatchId, fileName: "june.csv", status: SubmissionStatus.Complete, totalRecords: 40, totalErrors: 2);

        await store.SaveFtpFilesAsync("IRftp", new[] { first, FtpFile(2, "july.csv", 10), again }, null, Now);
        var stored = await store.ReadFtpFilesAsync("IRftp").ToListAsync();

        stored.Should().HaveCount(2);
        stored.Single(f => f.BatchId == first.BatchId).TotalErrors.Should().Be(2, "the last copy of a BatchId in one write is the one kept");

        await store.SaveFtpFilesAsync("IRftp", new[] { ApiSubmissionsModelFactory.FtpFileSubmission(batchId: first.BatchId, fileName: "june.csv", totalRecords: 40, totalErrors: 5) }, null, Now);
        (await store.ReadFtpFilesAsync("IRftp").ToListAsync()).Single(f => f.BatchId == first.BatchId).TotalErrors.Should().Be(5);
    }

    [Fact]
    public async Task A_database_of_a_newer_schema_is_refused_with_both_versions_named_and_left_as_it_was()
    {
        await using var store = await CreateStoreAsync();
        await RunSqlAsync(DatabaseOf(store), $"INSERT INTO impact_schema_version (version, applied_at) VALUES ({SqlSubmissionStore.SchemaVersion + 1}, '2027-01-01T00:00:00Z')");

        var migrate = () => Reopen(store).MigrateAsync();

        (await migrate.Should().ThrowAsync<InvalidOperationException>()).WithMessage(
            $"The database's schema is version {SqlSubmissionStore.SchemaVersion + 1}, newer than this package knows ({SqlSubmissionStore.SchemaVersion})*");
        (await RunSqlAsync(DatabaseOf(store), "SELECT CAST(MAX(version) AS TEXT) FROM impact_schema_version")).Should().Equal((SqlSubmissionStore.SchemaVersion + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The database <paramref name="store"/> is on, as <see cref="Connect"/> takes it.</summary>
    protected abstract string DatabaseOf(SqlSubmissionStore store);

    /// <summary>The names of the indexes on the submissions table, as the database lists them.</summary>
    protected abstract string IndexNamesSql { get; }

    protected static ApiSubmissionBuilder Failure(int i, string? orderId = null) =>
        new ApiSubmissionBuilder()
            .WithBatchId($"A-fa11ed00-0000-4000-8000-{i.ToString("000000000000", System.Globalization.CultureInfo.InvariantCulture)}")
            .WithSubmissionDate(Now.AddMinutes(i))
            .WithCompletionDate(Now.AddMinutes(i + 1))
            .WithOrderId(orderId ?? "9" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithErrors("Contract Error", "CONTRACT_NOT_FOUND");

    protected static FtpFileSubmission FtpFile(int i, string name, long records) =>
        ApiSubmissionsModelFactory.FtpFileSubmission(
            batchId: $"F-f11ef11e-0000-4000-8000-{i.ToString("000000000000", System.Globalization.CultureInfo.InvariantCulture)}",
            fileName: name,
            submissionDate: Now.AddMinutes(i),
            completionDate: Now.AddMinutes(i + 1),
            status: SubmissionStatus.Complete,
            totalRecords: records);

    protected static FtpErrorDetail FtpLine(long line) =>
        ApiSubmissionsModelFactory.FtpErrorDetail(line: line, orderId: "O-" + line.ToString(System.Globalization.CultureInfo.InvariantCulture), reason: ErrorReason.ContractNotFound);

    // Runs a watch until the consumer has taken `count` events, then stops it as a kill would (no clean-up after the last one).
    protected static async Task<List<SubmissionEvent>> TakeAsync(SubmissionSync sync, int count)
    {
        var taken = new List<SubmissionEvent>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var e in sync.WatchAsync(deadline.Token))
        {
            taken.Add(e);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    // A store whose FTP file writes fail, as a process killed between a page's event and its files would leave things.
    private sealed class FtpWritesFail : ISubmissionStore
    {
        private readonly ISubmissionStore _inner;

        public FtpWritesFail(ISubmissionStore inner) => _inner = inner;

        public int FailedWrites { get; private set; }

        public Task SaveFtpFilesAsync(string accountSid, IReadOnlyList<FtpFileSubmission> files, SyncBookmark? bookmark, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
        {
            FailedWrites++;
            throw new TimeoutException("The process stopped here.");
        }

        public Task MigrateAsync(CancellationToken cancellationToken = default) => _inner.MigrateAsync(cancellationToken);

        public Task<SyncBookmark?> GetBookmarkAsync(string accountSid, string stream, CancellationToken cancellationToken = default) => _inner.GetBookmarkAsync(accountSid, stream, cancellationToken);

        public Task<IReadOnlyDictionary<string, StoredSubmissionState>> GetStatesAsync(string accountSid, IReadOnlyCollection<string> batchIds, CancellationToken cancellationToken = default) =>
            _inner.GetStatesAsync(accountSid, batchIds, cancellationToken);

        public Task<IReadOnlyList<StoredSubmissionState>> GetUnfixedFailuresAsync(string accountSid, IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken = default) =>
            _inner.GetUnfixedFailuresAsync(accountSid, orderIds, cancellationToken);

        public Task<IReadOnlyList<string>> GetPendingBatchIdsAsync(string accountSid, long? notSeenInPass = null, CancellationToken cancellationToken = default) =>
            _inner.GetPendingBatchIdsAsync(accountSid, notSeenInPass, cancellationToken);

        public Task SaveAsync(SyncWrite write, CancellationToken cancellationToken = default) => _inner.SaveAsync(write, cancellationToken);

        public Task<IReadOnlyList<SubmissionEvent>> GetUnreportedEventsAsync(string accountSid, int max, CancellationToken cancellationToken = default) =>
            _inner.GetUnreportedEventsAsync(accountSid, max, cancellationToken);

        public Task MarkReportedAsync(string accountSid, string eventKey, CancellationToken cancellationToken = default) => _inner.MarkReportedAsync(accountSid, eventKey, cancellationToken);

        public IAsyncEnumerable<FtpFileSubmission> ReadFtpFilesAsync(string? accountSid = null, CancellationToken cancellationToken = default) => _inner.ReadFtpFilesAsync(accountSid, cancellationToken);

        public IAsyncEnumerable<ApiSubmission> ReadSubmissionsAsync(string? accountSid = null, CancellationToken cancellationToken = default) => _inner.ReadSubmissionsAsync(accountSid, cancellationToken);
    }
}
