using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

public class CredentialsAndRequestTests
{
    // Answers with the record asked for: the BatchId is the path's last segment.
    private static ScriptedHandler Ok() => new((request, _) => ScriptedHandler.Json(TestClients.Submission(Uri.UnescapeDataString(request.RequestUri!.Segments[^1]))));

    [Fact]
    public async Task Every_request_carries_basic_auth_accept_json_and_the_sdk_user_agent()
    {
        var handler = Ok();
        using var client = TestClients.Create(handler, new ApiSubmissionsClientOptions { UserAgentSuffix = "acme-shop/2.1", ApiVersion = 14 });

        await client.GetApiSubmissionAsync("A-1");

        var request = handler.Requests.Single();
        request.Headers.Authorization!.Scheme.Should().Be("Basic");
        Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)).Should().Be($"{TestClients.Sid}:{TestClients.Token}");
        request.Headers.Accept.Select(a => a.MediaType).Should().Equal("application/json");
        request.Headers.UserAgent.ToString().Should().MatchRegex(@"^Impact\.ApiSubmissions/\d+\.\d+\.\d+ acme-shop/2\.1$");
        request.Headers.GetValues("IR-Version").Should().Equal("14");
    }

    [Fact]
    public async Task The_account_sid_in_the_path_comes_from_the_credentials()
    {
        var handler = Ok();
        using var client = TestClients.Create(handler);

        await client.GetApiSubmissionAsync("A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");

        handler.Requests.Single().RequestUri!.AbsoluteUri.Should().Be($"https://api.impact.com/Advertisers/{TestClients.Sid}/APISubmissions/A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l");
    }

    [Theory]
    [InlineData("a/b", "/APISubmissions/a%2Fb")]
    [InlineData("../../Conversions", "/APISubmissions/..%2F..%2FConversions")]
    [InlineData("x?Page=2#frag", "/APISubmissions/x%3FPage%3D2%23frag")]
    [InlineData("100%", "/APISubmissions/100%25")]
    [InlineData("two words", "/APISubmissions/two%20words")]
    [InlineData("Zürich-東京", "/APISubmissions/Z%C3%BCrich-%E6%9D%B1%E4%BA%AC")]
    public async Task A_batch_id_travels_as_one_escaped_segment_and_never_reaches_another_path(string batchId, string expectedTail)
    {
        var handler = Ok();
        using var client = TestClients.Create(handler);

        await client.GetApiSubmissionAsync(batchId);

        var uri = handler.Requests.Single().RequestUri!;
        uri.AbsolutePath.Should().Be($"/Advertisers/{TestClients.Sid}" + expectedTail);
        uri.Query.Should().BeEmpty();
        uri.Fragment.Should().BeEmpty();
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    public async Task A_batch_id_made_only_of_dots_is_refused_before_any_request(string batchId)
    {
        var handler = Ok();
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionAsync(batchId);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("only of dots");
        handler.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_batch_id_is_refused_before_any_request(string? batchId)
    {
        var handler = Ok();
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionAsync(batchId!);

        (await act.Should().ThrowAsync<ArgumentException>()).WithParameterName("batchId");
        handler.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData("", "token-value", "accountSid", "The Account SID is required")]
    [InlineData("  ", "token-value", "accountSid", "The Account SID is required")]
    [InlineData("IRsid", "", "authToken", "The Auth Token is required")]
    [InlineData("IRsid", " ", "authToken", "The Auth Token is required")]
    public void Blank_credentials_are_refused_naming_the_missing_one(string sid, string token, string parameter, string message)
    {
        var act = () => new ImpactCredentials(sid, token);

        var e = act.Should().Throw<ArgumentException>().Which;
        e.ParamName.Should().Be(parameter);
        e.Message.Should().StartWith(message).And.NotContain("token-value");
    }

    [Theory]
    [InlineData("http://api.impact.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://api.impact.com")]
    public void Plain_http_to_a_remote_host_is_refused(string address)
    {
        var act = () => TestClients.Create(Ok(), new ApiSubmissionsClientOptions { BaseAddress = new Uri(address) });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("credentials would travel in clear");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5050")]
    [InlineData("http://localhost:5050")]
    [InlineData("http://[::1]:5050")]
    public async Task Plain_http_to_loopback_is_allowed_for_a_local_mock(string address)
    {
        var handler = Ok();
        using var client = TestClients.Create(handler, new ApiSubmissionsClientOptions { BaseAddress = new Uri(address) });

        await client.GetApiSubmissionAsync("A-1");

        handler.Requests.Single().RequestUri!.GetLeftPart(UriPartial.Authority).Should().Be(new Uri(address).GetLeftPart(UriPartial.Authority));
    }
    [Fact]
    public void The_token_never_appears_in_ToString()
    {
        var credentials = new ImpactCredentials(TestClients.Sid, TestClients.Token);
        using var client = TestClients.Create(Ok());

        credentials.ToString().Should().Be($"ImpactCredentials(AccountSid={TestClients.Sid}, AuthToken=***)");
        client.ToString().Should().NotContain(TestClients.Token);
    }
    [Fact]
    public async Task Get_by_queued_uri_reads_the_submission_it_names()
    {
        var handler = Ok();
        using var client = TestClients.Create(handler);

        var s = await client.GetApiSubmissionByUriAsync($"/Advertisers/{TestClients.Sid}/APISubmissions/A-1");

        s.BatchId.Should().Be("A-1");
        handler.Requests.Single().RequestUri!.AbsolutePath.Should().Be($"/Advertisers/{TestClients.Sid}/APISubmissions/A-1");
    }

    [Theory]
    [InlineData("https://evil.example.com/Advertisers/IRsid4567/APISubmissions/A-1")]
    [InlineData("/Advertisers/IRother99/APISubmissions/A-1")]
    [InlineData("https://api.impact.com/Advertisers/IRother99/APISubmissions/A-1")]
    [InlineData("/Advertisers/IRsid4567/../IRother99/APISubmissions/A-1")]
    [InlineData("not a uri at all")]
    public async Task Get_by_uri_refuses_other_hosts_and_other_accounts_before_sending(string uri)
    {
        var handler = Ok();
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionByUriAsync(uri);

        (await act.Should().ThrowAsync<ImpactOriginRefusedException>()).Which.Message.Should().Contain("refused");
        handler.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData("/Advertisers/IRsid4567/Conversions/123")]
    [InlineData("/Advertisers/IRsid4567/APISubmissions")]
    [InlineData("/Advertisers/IRsid4567/APISubmissions/A-1/Payload")]
    [InlineData("/Advertisers/IRsid4567/APISubmissions/A-1?Page=2")]
    public async Task Get_by_uri_refuses_paths_outside_the_submissions_resource(string uri)
    {
        var handler = Ok();
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionByUriAsync(uri);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("not a submission's path");
        handler.Calls.Should().Be(0);
    }
}
