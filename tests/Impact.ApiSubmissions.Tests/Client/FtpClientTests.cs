using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>The client's FTP file submissions over a scripted transport: date filters on the wire, the gate on every link, runaway listings, records once.</summary>
public sealed class FtpClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 12, 0, 0, TimeSpan.FromHours(-7));

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
        var pageSize = () => client.GetFtpErrorDetailsAsync("F-1", new ListOptions<FtpErrorDetail> { PageSize = 0 });

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
    public async Task Each_file_comes_once_when_it_shifts_onto_the_next_page()
    {
        FtpFileSubmission File(string id) => ApiSubmissionsModelFactory.FtpFileSubmission(batchId: id);
        var pageable = ImpactPageable<FtpFileSubmission>.FromPages(new[]
        {
            ApiSubmissionsModelFactory.Page(new[] { File("F-1"), File("F-2") }, page: 1, continuationToken: "/next"),
            ApiSubmissionsModelFactory.Page(new[] { File("F-2"), File("F-3") }, page: 2),
        });

        (await All(pageable)).Select(f => f.BatchId).Should().Equal("F-1", "F-2", "F-3");
    }

    [Fact]
    public async Task An_error_line_repeated_across_a_page_boundary_comes_once_and_distinct_lines_are_all_kept()
    {
        FtpErrorDetail Line(long? n, ErrorReason reason) => ApiSubmissionsModelFactory.FtpErrorDetail(line: n, reason: reason, status: SubmissionErrorType.Validation);
        var pageable = ImpactPageable<FtpErrorDetail>.FromPages(new[]
        {
            ApiSubmissionsModelFactory.Page(new[] { Line(2, ErrorReason.ContractNotFound), Line(3, ErrorReason.ContractNotFound), Line(null, ErrorReason.Unclaimed) }, page: 1, continuationToken: "/next"),
            ApiSubmissionsModelFactory.Page(new[] { Line(3, ErrorReason.ContractNotFound), Line(3, ErrorReason.Unclaimed), Line(null, ErrorReason.Unclaimed) }, page: 2),
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
