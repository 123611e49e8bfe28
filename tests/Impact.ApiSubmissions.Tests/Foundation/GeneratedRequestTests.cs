using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Http;
using Impact.ApiSubmissions.Tests.Client;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Foundation;

/// <summary>
/// The requests generated from the spec (<c>ImpactRequests</c>): paths, escaping, query names and formats, media
/// types; and what the pipeline does with them on the wire.
/// </summary>
public class GeneratedRequestTests
{
    private const string EmptyPage = "{\"@page\":\"3\",\"@nextpageuri\":\"\",\"APISubmissions\":[]}";

    private static async Task<(T Answer, HttpRequestMessage Sent)> SendAsync<T>(ImpactRequest<T> request, string body, string? batchId = null)
        where T : class
    {
        var handler = new RecordingHandler(body);
        var rest = TestClients.CreateTransport(handler);
        var answer = await rest.GetAsync(request, batchId, CancellationToken.None);
        return (answer, handler.Requests.Single());
    }

    [Fact]
    public async Task A_list_request_is_the_spec_s_path_with_page_and_page_size_and_accepts_json()
    {
        var request = ImpactRequests.CreateListApiSubmissionsRequest(TestClients.Sid, page: 3, pageSize: 250);

        request.Method.Should().Be(HttpMethod.Get);
        request.OperationId.Should().Be("ListApiSubmissions");
        request.PathAndQuery.Should().Be($"Advertisers/{TestClients.Sid}/APISubmissions?Page=3&PageSize=250");
        var (_, sent) = await SendAsync(request, EmptyPage);
        sent.RequestUri!.AbsoluteUri.Should().Be($"https://api.impact.com/Advertisers/{TestClients.Sid}/APISubmissions?Page=3&PageSize=250");
        sent.Headers.Accept.Select(a => a.MediaType).Should().Equal("application/json");
        sent.Headers.Authorization!.Scheme.Should().Be("Basic");
    }

    [Fact]
    public void An_optional_query_parameter_left_null_is_not_sent()
    {
        ImpactRequests.CreateListApiSubmissionsRequest(TestClients.Sid).PathAndQuery.Should().Be($"Advertisers/{TestClients.Sid}/APISubmissions");
        ImpactRequests.CreateListApiSubmissionsRequest(TestClients.Sid, pageSize: 5).PathAndQuery.Should().Be($"Advertisers/{TestClients.Sid}/APISubmissions?PageSize=5");
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b=c", "a%3Fb%3Dc")]
    [InlineData("a#b", "a%23b")]
    [InlineData("50%", "50%25")]
    [InlineData("with space", "with%20space")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("{AccountSID}", "%7BAccountSID%7D")]
    public void Path_parameters_travel_as_one_escaped_segment(string batchId, string expectedSegment)
    {
        ImpactRequests.CreateGetApiSubmissionRequest("IR Sid/1", batchId).PathAndQuery
            .Should().Be("Advertisers/IR%20Sid%2F1/APISubmissions/" + expectedSegment);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_path_parameter_of_only_dots_is_refused_naming_the_parameter(string batchId)
    {
        var act = () => ImpactRequests.CreateGetFtpFileSubmissionRequest(TestClients.Sid, batchId);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("batchId");
    }

    [Fact]
    public async Task A_get_reads_the_reference_example_with_every_field()
    {
        var (s, sent) = await SendAsync(
            ImpactRequests.CreateGetApiSubmissionRequest(TestClients.Sid, "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l"),
            SpecFile.Fixture("reference-submission.json"),
            "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");

        sent.RequestUri!.AbsolutePath.Should().Be($"/Advertisers/{TestClients.Sid}/APISubmissions/A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");
        s.BatchId.Should().Be("A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");
        s.AccountId.Should().Be(10001);
        s.SubmissionDate.Should().Be(new DateTimeOffset(2020, 9, 10, 9, 50, 12, TimeSpan.FromHours(-7)));
        s.SubmissionDate!.Value.Offset.Should().Be(TimeSpan.FromHours(-7));
        s.CampaignId.Should().Be(1000);
        s.ActionTrackerId.Should().Be(4000);
        s.MediaPartnerId.Should().Be(10000);
        s.EventCode.Should().Be("ACME_SALE");
        s.OrderId.Should().Be("1234567890123");
        s.Payload.Should().StartWith("CampaignId=1000&EventTypeId=4000&").And.EndWith("&ItemPrice2=6.99");
        s.Type.Should().Be(SubmissionType.Conversion);
        s.Status.Should().Be(SubmissionStatus.Complete);
        s.CompletionDate.Should().Be(new DateTimeOffset(2020, 9, 10, 10, 11, 15, TimeSpan.FromHours(-7)));
        s.CompletionDate!.Value.Offset.Should().Be(TimeSpan.FromHours(-7));
        s.ErrorType.Should().Be(SubmissionErrorType.ContractError);
        s.ErrorReason.Should().Be("CONTRACT_NOT_FOUND RESTRICTED_PROMOCODE");
        s.Uri.Should().Be("/Advertisers/<AccountSID>/APISubmissions/A-f6675c69-4a69-4c04-8a1d-3f2eb7a6754e");
        s.AdditionalProperties.Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_with_a_status_the_spec_does_not_list_is_read_whole()
    {
        const string body = "{\"@page\":\"1\",\"APISubmissions\":["
            + "{\"BatchId\":\"A-1\",\"Status\":\"Complete\",\"AccountId\":\"10001\"},"
            + "{\"BatchId\":\"A-2\",\"Status\":\"Cancelled\",\"AccountId\":\"10001\"},"
            + "{\"BatchId\":\"A-3\",\"Status\":\"In Progress\",\"AccountId\":\"\"}]}";

        var (page, _) = await SendAsync(ImpactRequests.CreateListApiSubmissionsRequest(TestClients.Sid), body);

        page.Submissions.Select(s => s.Status.ToString()).Should().Equal("Complete", "Cancelled", "In Progress");
        page.Submissions.Select(s => s.AccountId).Should().Equal(10001L, 10001L, null);
    }

    [Fact]
    public void Ftp_date_filters_travel_with_their_utc_offset_in_the_spec_s_order()
    {
        var pacific = TimeSpan.FromHours(-7);

        var request = ImpactRequests.CreateListFtpFileSubmissionsRequest(
            TestClients.Sid,
            page: 2,
            pageSize: 50,
            submissionDateStart: new DateTimeOffset(2026, 9, 1, 0, 0, 0, pacific),
            submissionDateEnd: new DateTimeOffset(2026, 9, 30, 23, 59, 59, pacific),
            completedDateStart: new DateTimeOffset(2026, 9, 2, 8, 30, 0, TimeSpan.Zero));

        request.PathAndQuery.Should().Be(
            $"Advertisers/{TestClients.Sid}/FTPFileSubmissions?Page=2&PageSize=50"
            + "&SubmissionDateStart=2026-09-01T00%3A00%3A00-07%3A00&SubmissionDateEnd=2026-09-30T23%3A59%3A59-07%3A00"
            + "&CompletedDateStart=2026-09-02T08%3A30%3A00%2B00%3A00");
    }

    [Fact]
    public async Task Ftp_error_details_are_read_under_the_published_array_name()
    {
        var (page, sent) = await SendAsync(
            ImpactRequests.CreateListFtpErrorDetailsRequest(TestClients.Sid, "F-1", page: 1, pageSize: 10),
            "{\"@page\":\"1\",\"@nextpageuri\":\"\",\"ErrorDetail\":[{\"Line\":\"42\",\"CampaignId\":\"1000\",\"Status\":\"Contract Error\",\"Reason\":\"CONTRACT_NOT_FOUND\"}]}");

        sent.RequestUri!.AbsoluteUri.Should().Be($"https://api.impact.com/Advertisers/{TestClients.Sid}/FTPFileSubmissions/F-1/ErrorDetails?Page=1&PageSize=10");
        var line = page.ErrorDetail!.Single();
        line.Line.Should().Be(42);
        line.Status.Should().Be(SubmissionErrorType.ContractError);
        line.Reason.Should().Be(ErrorReason.ContractNotFound);
    }

    [Fact]
    public void The_conversion_request_posts_the_payload_s_own_form_encoding()
    {
        var payload = SubmissionPayload.Parse("CampaignId=1000&ActionTrackerId=4000&OrderId=O%201");

        var request = ImpactRequests.CreateSubmitConversionRequest(payload, TestClients.Sid);

        request.Method.Should().Be(HttpMethod.Post);
        request.PathAndQuery.Should().Be($"Advertisers/{TestClients.Sid}/Conversions");
        request.Body!.MediaType.Should().Be("application/x-www-form-urlencoded");
        System.Text.Encoding.UTF8.GetString(request.Body.Bytes).Should().Be(payload.ToString());
    }

    [Fact]
    public void Every_path_template_is_one_of_the_spec_s_paths()
    {
        var specPaths = SpecFile.Paths().Select(p => p.TrimStart('/'));

        ImpactRequests.PathTemplates.Should().BeEquivalentTo(specPaths);
    }
}
