using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Foundation;

public class GeneratedClientTests
{
    private const string EmptyPage = "{\"@page\":\"1\",\"@nextpageuri\":\"\",\"APISubmissions\":[]}";

    [Fact]
    public async Task List_requests_the_list_path_with_page_and_page_size()
    {
        var handler = new RecordingHandler(EmptyPage);
        var client = new ApiSubmissionsRestClient(new HttpClient(handler));

        await client.ListApiSubmissionsAsync("IRSid123", page: 3, pageSize: 250);

        var request = handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Get);
        request.RequestUri!.AbsoluteUri.Should().Be("https://api.impact.com/Advertisers/IRSid123/APISubmissions?Page=3&PageSize=250");
        request.Headers.Accept.Select(a => a.MediaType).Should().Contain("application/json");
    }

    [Fact]
    public async Task Get_requests_the_submission_path()
    {
        var handler = new RecordingHandler(SpecFile.Fixture("reference-submission.json"));
        var client = new ApiSubmissionsRestClient(new HttpClient(handler));

        await client.GetApiSubmissionAsync("IRSid123", "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");

        handler.Requests.Single().RequestUri!.AbsoluteUri
            .Should().Be("https://api.impact.com/Advertisers/IRSid123/APISubmissions/A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b=c", "a%3Fb%3Dc")]
    [InlineData("a#b", "a%23b")]
    [InlineData("50%", "50%25")]
    [InlineData("with space", "with%20space")]
    [InlineData("ü", "%C3%BC")]
    public async Task Path_parameters_travel_as_one_escaped_segment(string batchId, string expectedSegment)
    {
        var handler = new RecordingHandler(SpecFile.Fixture("reference-submission.json"));
        var client = new ApiSubmissionsRestClient(new HttpClient(handler));

        await client.GetApiSubmissionAsync("IR Sid/1", batchId);

        var uri = handler.Requests.Single().RequestUri!;
        uri.AbsolutePath.Should().Be("/Advertisers/IR%20Sid%2F1/APISubmissions/" + expectedSegment);
        uri.Query.Should().BeEmpty();
        uri.Fragment.Should().BeEmpty();
    }

    [Fact]
    public async Task Get_deserialises_the_reference_example_with_every_field()
    {
        var handler = new RecordingHandler(SpecFile.Fixture("reference-submission.json"));
        var client = new ApiSubmissionsRestClient(new HttpClient(handler));

        var s = await client.GetApiSubmissionAsync("IRSid123", "A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");

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
}

public class GeneratedClientWireTests
{
    [Fact]
    public async Task A_page_with_a_status_the_spec_does_not_list_is_read_whole()
    {
        const string body = "{\"@page\":\"1\",\"APISubmissions\":["
            + "{\"BatchId\":\"A-1\",\"Status\":\"Complete\",\"AccountId\":\"10001\"},"
            + "{\"BatchId\":\"A-2\",\"Status\":\"Cancelled\",\"AccountId\":\"10001\"},"
            + "{\"BatchId\":\"A-3\",\"Status\":\"In Progress\",\"AccountId\":\"\"}]}";
        var client = new ApiSubmissionsRestClient(new HttpClient(new RecordingHandler(body)));

        var page = await client.ListApiSubmissionsAsync("IRSid123");

        page.Submissions.Select(s => s.Status.ToString()).Should().Equal("Complete", "Cancelled", "In Progress");
        page.Submissions.Select(s => s.AccountId).Should().Equal(10001L, 10001L, null);
    }
}
