using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Foundation;

/// <summary>The generated transport's FTP file submission operations: paths, filters, and the DTOs they read.</summary>
public class FtpTransportTests
{
    private const string EmptyFilePage = "{\"@page\":\"1\",\"@nextpageuri\":\"\",\"FTPFileSubmissions\":[]}";

    [Fact]
    public async Task Date_filters_travel_with_their_utc_offset()
    {
        var handler = new RecordingHandler(EmptyFilePage);
        var client = new ApiSubmissionsRestClient(new HttpClient(handler));
        var pacific = TimeSpan.FromHours(-7);

        await client.ListFtpFileSubmissionsAsync(
            "IRSid123",
            page: 2,
            pageSize: 50,
            submissionDateStart: new DateTimeOffset(2026, 9, 1, 0, 0, 0, pacific),
            submissionDateEnd: new DateTimeOffset(2026, 9, 30, 23, 59, 59, pacific),
            completedDateStart: new DateTimeOffset(2026, 9, 2, 8, 30, 0, TimeSpan.Zero));

        handler.Requests.Single().RequestUri!.AbsoluteUri.Should().Be(
            "https://api.impact.com/Advertisers/IRSid123/FTPFileSubmissions?Page=2&PageSize=50"
            + "&SubmissionDateStart=2026-09-01T00%3A00%3A00-07%3A00&SubmissionDateEnd=2026-09-30T23%3A59%3A59-07%3A00"
            + "&CompletedDateStart=2026-09-02T08%3A30%3A00%2B00%3A00");
    }

    [Fact]
    public async Task Error_details_are_read_under_the_published_array_name()
    {
        var handler = new RecordingHandler(
            "{\"@page\":\"1\",\"@nextpageuri\":\"\",\"ErrorDetail\":[{\"Line\":\"42\",\"CampaignId\":\"1000\",\"Status\":\"Contract Error\",\"Reason\":\"CONTRACT_NOT_FOUND\"}]}");
        var client = new ApiSubmissionsRestClient(new HttpClient(handler));

        var page = await client.ListFtpErrorDetailsAsync("IRSid123", "F-1", page: 1, pageSize: 10);

        handler.Requests.Single().RequestUri!.AbsoluteUri.Should().Be(
            "https://api.impact.com/Advertisers/IRSid123/FTPFileSubmissions/F-1/ErrorDetails?Page=1&PageSize=10");
        var line = page.ErrorDetail!.Single();
        line.Line.Should().Be(42);
        line.Status.Should().Be(SubmissionErrorType.ContractError);
        line.Reason.Should().Be(ErrorReason.ContractNotFound);
    }
}
