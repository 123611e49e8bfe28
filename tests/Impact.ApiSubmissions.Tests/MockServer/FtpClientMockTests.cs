using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.Client;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>The client's FTP file submissions against the mock: end to end with the date filters, paging, 404s and the wait.</summary>
public sealed class FtpClientMockTests : IClassFixture<SharedMockServer>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 12, 0, 0, TimeSpan.FromHours(-7));
    private static readonly WaitOptions<FtpFileSubmission> FastWait = new() { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };

    private readonly ImpactMockServer _server;
    private readonly ApiSubmissionsClient _client;

    public FtpClientMockTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 2, FtpFileSubmissionCount = 60, Now = Now });
        _client = _server.CreateClient(o => o.Retry = TestClients.FastOptions().Retry);
    }

    public void Dispose()
    {
        _client.Dispose();
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
        await foreach (var line in _client.GetFtpErrorDetailsAsync(failed.BatchId!, new ListOptions<FtpErrorDetail> { PageSize = 3 }))
        {
            lines.Add(line);
        }

        lines.Should().HaveCount((int)failed.TotalErrors!.Value);
        lines.Select(l => l.Line).Should().Equal(_server.GetFtpErrorDetails(failed.BatchId!).Select(l => l.Line));
        lines.Should().OnlyContain(l => l.Reason != null && l.Status != null);

        var viaLink = new List<FtpErrorDetail>();
        await foreach (var line in _client.GetFtpErrorDetailsByUriAsync(failed.ErrorsUri!, new ListOptions<FtpErrorDetail> { PageSize = 7 }))
        {
            viaLink.Add(line);
        }

        viaLink.Select(l => (l.Line, l.Uri)).Should().Equal(lines.Select(l => (l.Line, l.Uri)), "the ErrorsUri lists the same lines, in order");
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
    public async Task MaxPages_and_continuation_tokens_work_as_for_API_submissions()
    {
        var firstTwo = new List<ImpactPage<FtpErrorDetail>>();
        var failed = _server.FtpFileSubmissions.First(f => f.TotalErrors > 6);
        await foreach (var page in _client.GetFtpErrorDetailsAsync(failed.BatchId!, new ListOptions<FtpErrorDetail> { PageSize = 2, MaxPages = 2 }).AsPages())
        {
            firstTwo.Add(page);
        }

        var rest = await All(_client.GetFtpErrorDetailsAsync(failed.BatchId!).AsPages(firstTwo[1].ContinuationToken));
        var apiToken = () => All(_client.GetFtpErrorDetailsAsync(failed.BatchId!).AsPages($"/Advertisers/{_server.AccountSid}/APISubmissions?Page=2"));

        firstTwo.Select(p => p.PageInfo.Page).Should().Equal(1, 2);
        firstTwo.SelectMany(p => p.Items).Concat(rest.SelectMany(p => p.Items)).Select(l => l.Line)
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

        var done = await _client.WaitForFtpCompletionAsync(added.BatchId!, new WaitOptions<FtpFileSubmission>
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

        var act = () => _client.WaitForFtpCompletionAsync(added.BatchId!, new WaitOptions<FtpFileSubmission> { PollInterval = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(300) });

        var e = (await act.Should().ThrowAsync<ImpactWaitTimeoutException>()).Which;
        e.LastSeenFtpFile!.BatchId.Should().Be(added.BatchId);
        e.LastStatus.Should().Be(SubmissionStatus.Queued);
        e.LastSeen.Should().BeNull();
        e.Message.Should().StartWith($"FTP file submission '{added.BatchId}' was still 'Queued'");
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
