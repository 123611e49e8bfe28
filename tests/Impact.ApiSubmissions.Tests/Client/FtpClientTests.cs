using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>The client's FTP file submissions: the listing with its date filters, one file, its failed lines, the wait, and the gate on every link.</summary>
public sealed class FtpClientTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 12, 0, 0, TimeSpan.FromHours(-7));
    private static readonly WaitForFtpCompletionOptions FastWait = new() { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };

    private readonly ImpactMockServer _server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 2, FtpFileSubmissionCount = 60, Now = Now });
    private readonly ApiSubmissionsClient _client;

    public FtpClientTests()
    {
        _client = _server.CreateClient(o => o.Retry = TestClients.FastOptions().Retry);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task End_to_end_lists_a_date_range_picks_a_file_with_errors_and_reads_every_line_TotalErrors_counts()
    {
        var from = Now.AddDays(-45);
        var to = Now.AddDays(-10);
        var expected = _server.FtpFileSubmissions.Where(f => f.SubmissionDate >= from && f.SubmissionDate < to).Select(f => f.BatchId).ToList();
        expected.Should().NotBeEmpty().And.HaveCountLessThan(60, "the range must leave files out for the filter to be tested");

        var files = new List<FtpFileSubmission>();
        await foreach (var file in _client.GetFtpSubmissionsAsync(new FtpSubmissionListOptions { SubmissionDateStart = from, SubmissionDateEnd = to, PageSize = 4 }))
        {
            files.Add(file);
        }

        files.Select(f => f.BatchId).Should().Equal(expected);
        var failed = files.First(f => f.HasErrors);
        failed.TotalErrors.Should().BeGreaterThan(4, "the lines must span pages");

        var lines = new List<FtpErrorDetail>();
        await foreach (var line in _client.GetFtpErrorDetailsAsync(failed.BatchId!, new FtpErrorDetailListOptions { PageSize = 3 }))
        {
            lines.Add(line);
        }

        lines.Should().HaveCount((int)failed.TotalErrors!.Value);
        lines.Select(l => l.Line).Should().Equal(_server.GetFtpErrorDetails(failed.BatchId!).Select(l => l.Line));
        lines.Should().OnlyContain(l => l.Reason != null && l.Status != null);

        var viaLink = new List<FtpErrorDetail>();
        await foreach (var line in _client.GetFtpErrorDetailsByUriAsync(failed.ErrorsUri!, new FtpErrorDetailListOptions { PageSize = 7 }))
        {
            viaLink.Add(line);
        }

        viaLink.Select(l => l.Uri).Should().Equal(lines.Select(l => l.Uri));
        (await _client.GetFtpSubmissionByUriAsync(failed.Uri!)).TotalErrors.Should().Be(failed.TotalErrors);
    }

    [Fact]
    public async Task Completed_date_filters_reach_the_server_and_leave_out_files_still_processing()
    {
        var from = Now.AddDays(-60);
        var expected = _server.FtpFileSubmissions.Where(f => f.CompletionDate >= from).Select(f => f.BatchId).ToList();

        var files = await All(_client.GetFtpSubmissionsAsync(new FtpSubmissionListOptions { CompletedDateStart = from }));

        files.Select(f => f.BatchId).Should().Equal(expected).And.HaveCountLessThan(_server.FtpFileSubmissions.Count);
        _server.ReceivedRequests.Last().PathAndQuery.Should().Contain("CompletedDateStart=");
    }

    [Fact]
    public async Task Date_filters_travel_as_ISO_8601_with_their_own_offset_and_every_page_keeps_them()
    {
        var handler = new ScriptedHandler((request, call) => ScriptedHandler.Json(call == 1
            ? "{\"@page\":\"1\",\"@numpages\":\"2\",\"@nextpageuri\":\"/Advertisers/IRsid4567/FTPFileSubmissions?Page=2&PageSize=1&SubmissionDateStart=x\",\"FTPFileSubmissions\":[{\"BatchId\":\"F-1\"}]}"
            : "{\"@page\":\"2\",\"@numpages\":\"2\",\"@nextpageuri\":\"\",\"FTPFileSubmissions\":[{\"BatchId\":\"F-2\"}]}"));
        using var client = TestClients.Create(handler);

        var files = await All(client.GetFtpSubmissionsAsync(new FtpSubmissionListOptions
        {
            SubmissionDateStart = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(2)),
            SubmissionDateEnd = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(-7)),
            CompletedDateEnd = new DateTimeOffset(2026, 10, 2, 8, 30, 15, TimeSpan.Zero),
            PageSize = 1,
        }));

        files.Select(f => f.BatchId).Should().Equal("F-1", "F-2");
        handler.Requests.Select(r => r.RequestUri!.PathAndQuery).Should().Equal(
            "/Advertisers/IRsid4567/FTPFileSubmissions?Page=1&PageSize=1&SubmissionDateStart=2026-09-01T00%3A00%3A00%2B02%3A00"
            + "&SubmissionDateEnd=2026-10-01T00%3A00%3A00-07%3A00&CompletedDateEnd=2026-10-02T08%3A30%3A15%2B00%3A00",
            "/Advertisers/IRsid4567/FTPFileSubmissions?Page=2&PageSize=1&SubmissionDateStart=x");
    }

    [Fact]
    public void A_start_after_its_end_is_refused_by_the_call_before_any_request()
    {
        var handler = new ScriptedHandler((_, _) => throw new InvalidOperationException("nothing may be sent"));
        using var client = TestClients.Create(handler);

        var act = () => client.GetFtpSubmissionsAsync(new FtpSubmissionListOptions { CompletedDateStart = Now, CompletedDateEnd = Now.AddDays(-1) });
        var pageSize = () => client.GetFtpErrorDetailsAsync("F-1", new FtpErrorDetailListOptions { PageSize = 0 });

        act.Should().Throw<ArgumentException>().WithMessage("CompletedDateStart (*) is after CompletedDateEnd*");
        pageSize.Should().Throw<ArgumentOutOfRangeException>().WithMessage("PageSize must be at least 1*");
        handler.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData("https://evil.example/Advertisers/IRsid4567/FTPFileSubmissions/F-1/ErrorDetails")]
    [InlineData("/Advertisers/IRother/FTPFileSubmissions/F-1/ErrorDetails")]
    [InlineData("//evil.example/Advertisers/IRsid4567/FTPFileSubmissions/F-1/ErrorDetails")]
    [InlineData("/Advertisers/IRsid4567/%2e%2e/IRother/FTPFileSubmissions/F-1/ErrorDetails")]
    public async Task An_ErrorsUri_or_Uri_outside_the_account_is_refused_before_anything_is_sent(string link)
    {
        var handler = new ScriptedHandler((_, _) => throw new InvalidOperationException("nothing may be sent"));
        using var client = TestClients.Create(handler);

        var errors = () => client.GetFtpErrorDetailsByUriAsync(link);
        var file = () => client.GetFtpSubmissionByUriAsync(link.Replace("/ErrorDetails", string.Empty));

        errors.Should().Throw<ImpactOriginRefusedException>();
        await file.Should().ThrowAsync<ImpactOriginRefusedException>();
        handler.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData("/Advertisers/IRsid4567/APISubmissions/A-1")]
    [InlineData("/Advertisers/IRsid4567/FTPFileSubmissions/F-1")]
    [InlineData("/Advertisers/IRsid4567/FTPFileSubmissions/F-1/ErrorDetails?Page=2")]
    [InlineData("/Advertisers/IRsid4567/FTPFileSubmissions//ErrorDetails")]
    public void A_link_of_this_account_that_is_not_an_ErrorsUri_is_refused(string link)
    {
        using var client = TestClients.Create(new ScriptedHandler((_, _) => throw new InvalidOperationException("nothing may be sent")));

        var act = () => client.GetFtpErrorDetailsByUriAsync(link);

        act.Should().Throw<ArgumentException>().WithMessage("The URI is not a file's error-details path*").Which.ParamName.Should().Be("errorsUri");
    }

    [Fact]
    public async Task A_next_page_link_to_another_origin_is_refused_and_never_requested()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(
            "{\"@page\":\"1\",\"@numpages\":\"2\",\"@nextpageuri\":\"https://evil.example/Advertisers/IRsid4567/FTPFileSubmissions/F-1/ErrorDetails?Page=2\",\"ErrorDetail\":[{\"Line\":\"2\"}]}"));
        using var client = TestClients.Create(handler);

        var act = () => All(client.GetFtpErrorDetailsAsync("F-1"));

        await act.Should().ThrowAsync<ImpactOriginRefusedException>();
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_listing_whose_next_page_leads_back_is_stopped()
    {
        var handler = new ScriptedHandler((request, _) => ScriptedHandler.Json(
            "{\"@page\":\"1\",\"@numpages\":\"3\",\"@nextpageuri\":\"" + request.RequestUri!.PathAndQuery + "\",\"FTPFileSubmissions\":[{\"BatchId\":\"F-1\"}]}"));
        using var client = TestClients.Create(handler);

        var files = () => All(client.GetFtpSubmissionsAsync());
        var lines = () => All(client.GetFtpErrorDetailsAsync("F-1"));

        await files.Should().ThrowAsync<ImpactRunawayListingException>();
        await lines.Should().ThrowAsync<ImpactRunawayListingException>();
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task MaxPages_and_continuation_tokens_work_as_for_API_submissions()
    {
        var firstTwo = new List<FtpErrorDetailPage>();
        var failed = _server.FtpFileSubmissions.First(f => f.TotalErrors > 6);
        await foreach (var page in _client.GetFtpErrorDetailsAsync(failed.BatchId!, new FtpErrorDetailListOptions { PageSize = 2, MaxPages = 2 }).AsPages())
        {
            firstTwo.Add(page);
        }

        var rest = await All(_client.GetFtpErrorDetailsAsync(failed.BatchId!).AsPages(firstTwo[1].ContinuationToken));
        var apiToken = () => All(_client.GetFtpErrorDetailsAsync(failed.BatchId!).AsPages($"/Advertisers/{_server.AccountSid}/APISubmissions?Page=2"));

        firstTwo.Select(p => p.PageInfo.Page).Should().Equal(1, 2);
        firstTwo.SelectMany(p => p.ErrorDetails).Concat(rest.SelectMany(p => p.ErrorDetails)).Select(l => l.Line)
            .Should().Equal(_server.GetFtpErrorDetails(failed.BatchId!).Select(l => l.Line));
        await apiToken.Should().ThrowAsync<ArgumentException>().WithMessage("*GetFtpErrorDetailsAsync*");
    }

    [Fact]
    public async Task An_unknown_BatchId_is_a_404_ImpactApiException()
    {
        var get = () => _client.GetFtpSubmissionAsync("F-unknown");
        var lines = () => All(_client.GetFtpErrorDetailsAsync("F-unknown"));

        (await get.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(404);
        (await lines.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task Waits_for_a_file_until_it_is_processed_reporting_each_status()
    {
        var lines = Enumerable.Range(2, 3).Select(n => ApiSubmissionsModelFactory.FtpErrorDetail(line: n, status: SubmissionErrorType.ContractError, reason: ErrorReason.ContractNotFound));
        var added = _server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(fileName: "orders.csv"), lines, getsPerStatus: 2);
        var seen = new List<SubmissionStatus?>();

        var done = await _client.WaitForFtpCompletionAsync(added.BatchId!, new WaitForFtpCompletionOptions
        {
            PollInterval = FastWait.PollInterval,
            MaxPollInterval = FastWait.MaxPollInterval,
            StatusChanged = f => seen.Add(f.Status),
        });

        done.IsComplete.Should().BeTrue();
        done.HasErrors.Should().BeTrue();
        done.TotalErrors.Should().Be(3);
        seen.Should().Equal(SubmissionStatus.Queued, SubmissionStatus.InProgress, SubmissionStatus.Complete);
    }

    [Fact]
    public async Task A_wait_that_runs_out_carries_the_file_last_seen()
    {
        var added = _server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(), getsPerStatus: 100_000);

        var act = () => _client.WaitForFtpCompletionAsync(added.BatchId!, new WaitForFtpCompletionOptions { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(300) });

        var e = (await act.Should().ThrowAsync<ImpactWaitTimeoutException>()).Which;
        e.LastSeenFtpFile!.BatchId.Should().Be(added.BatchId);
        e.LastStatus.Should().Be(SubmissionStatus.Queued);
        e.LastSeen.Should().BeNull();
        e.Message.Should().StartWith($"FTP file submission '{added.BatchId}' was still 'Queued'");
    }

    [Fact]
    public async Task Each_file_comes_once_when_it_shifts_onto_the_next_page()
    {
        FtpFileSubmission File(string id) => ApiSubmissionsModelFactory.FtpFileSubmission(batchId: id);
        var pageable = FtpFileSubmissionPageable.FromPages(new[]
        {
            ApiSubmissionsModelFactory.FtpFileSubmissionPage(new[] { File("F-1"), File("F-2") }, page: 1, continuationToken: "/next"),
            ApiSubmissionsModelFactory.FtpFileSubmissionPage(new[] { File("F-2"), File("F-3") }, page: 2),
        });

        (await All(pageable)).Select(f => f.BatchId).Should().Equal("F-1", "F-2", "F-3");
    }

    [Fact]
    public async Task An_error_line_repeated_across_a_page_boundary_comes_once_and_distinct_lines_are_all_kept()
    {
        FtpErrorDetail Line(long? n, ErrorReason reason) => ApiSubmissionsModelFactory.FtpErrorDetail(line: n, reason: reason, status: SubmissionErrorType.Validation);
        var pageable = FtpErrorDetailPageable.FromPages(new[]
        {
            ApiSubmissionsModelFactory.FtpErrorDetailPage(new[] { Line(2, ErrorReason.ContractNotFound), Line(3, ErrorReason.ContractNotFound), Line(null, ErrorReason.Unclaimed) }, page: 1, continuationToken: "/next"),
            ApiSubmissionsModelFactory.FtpErrorDetailPage(new[] { Line(3, ErrorReason.ContractNotFound), Line(3, ErrorReason.Unclaimed), Line(null, ErrorReason.Unclaimed) }, page: 2),
        });

        var lines = await All(pageable);

        lines.Select(l => (l.Line, l.Reason)).Should().Equal(
            (2L, ErrorReason.ContractNotFound), (3L, ErrorReason.ContractNotFound), (null, ErrorReason.Unclaimed), (3L, ErrorReason.Unclaimed), (null, ErrorReason.Unclaimed));
    }

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items)
        {
            all.Add(item);
        }

        return all;
    }
}
