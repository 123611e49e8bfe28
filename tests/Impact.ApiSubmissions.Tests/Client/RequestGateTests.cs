using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

/// <summary>Every link shape a server could send as @nextpageuri: only the base address's origin and account get the credentials.</summary>
public class RequestGateTests
{
    [Theory]
    [InlineData("https://evil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("//evil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("\\\\evil.example.com\\Advertisers\\IRsid4567\\APISubmissions?Page=2")]
    [InlineData("/\\evil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("https://api.impact.com@evil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("https://user:pw@api.impact.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("https://%65vil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("https://api.impact.com%2eevil.example.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("https://\u0430pi.impact.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("https://xn--pi-7kc.impact.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("HTTPS://EVIL.EXAMPLE.COM/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("HTTP://api.impact.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("https://api.impact.com:8443/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("ftp://api.impact.com/Advertisers/IRsid4567/APISubmissions?Page=2")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/Advertisers/IRsid4567/../IRother99/APISubmissions?Page=2")]
    [InlineData("/Advertisers/IRsid4567/%2e%2e/IRother99/APISubmissions?Page=2")]
    [InlineData("/Advertisers/IRsid4567/%2E%2E/%2E%2E/Partners/APISubmissions?Page=2")]
    [InlineData("/Advertisers/IRsid4567/APISubmissions/../../../Partners?Page=2")]
    [InlineData("/Advertisers/IRsid4567/APISubmissions/%252e%252e/x?Page=2")]
    [InlineData("/Advertisers/IRother99/APISubmissions?Page=2")]
    [InlineData("/Partners/IRsid4567/APISubmissions?Page=2")]
    [InlineData("../../Partners?Page=2")]
    [InlineData("?Page=2")]
    [InlineData("/Advertisers/IRsid4567/Campaigns?Page=2")]
    [InlineData("/Advertisers/IRsid4567/APISubmissions/A-1/Payload?Page=2")]
    [InlineData("/Advertisers/IRsid4567?Page=2")]
    // The last three stay in the account but are none of the spec's operation paths: no credentials go there either.
    public async Task A_next_page_link_that_leaves_the_origin_or_account_is_refused_before_anything_is_sent(string link)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(Page(link)));
        using var client = TestClients.Create(handler);

        var act = async () =>
        {
            await foreach (var _ in client.GetApiSubmissionsAsync().AsPages())
            {
            }
        };

        var e = (await act.Should().ThrowAsync<ImpactOriginRefusedException>()).Which;
        e.Should().BeAssignableTo<ImpactApiException>();
        e.Message.Should().Contain("refused").And.NotContain(TestClients.Token);
        handler.Calls.Should().Be(1, "only the first page may be requested");
    }

    [Theory]
    [InlineData("/Advertisers/IRsid4567/APISubmissions?Page=2&PageSize=1000")]
    [InlineData("Advertisers/IRsid4567/APISubmissions?Page=2&PageSize=1000")]
    [InlineData("https://api.impact.com/Advertisers/IRsid4567/APISubmissions?Page=2&PageSize=1000")]
    [InlineData("HTTPS://API.IMPACT.COM:443/Advertisers/IRsid4567/APISubmissions?Page=2&PageSize=1000")]
    public async Task A_next_page_link_on_the_same_origin_and_account_is_followed_with_credentials(string link)
    {
        var handler = new ScriptedHandler((_, call) => ScriptedHandler.Json(call == 1 ? Page(link) : Page(string.Empty, page: 2)));
        using var client = TestClients.Create(handler);

        await foreach (var _ in client.GetApiSubmissionsAsync().AsPages())
        {
        }

        handler.Calls.Should().Be(2);
        var second = handler.Requests.Last();
        second.RequestUri!.GetLeftPart(UriPartial.Path).Should().Be("https://api.impact.com/Advertisers/IRsid4567/APISubmissions");
        second.Headers.Authorization!.Scheme.Should().Be("Basic");
    }
    [Fact]
    public async Task A_redirect_to_another_origin_never_receives_the_credentials()
    {
        await using var elsewhere = new LoopbackServer((_, stream, token) => LoopbackServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", token));
        await using var service = new LoopbackServer((_, stream, token) => LoopbackServer.WriteAsync(
            stream,
            $"HTTP/1.1 302 Found\r\nLocation: {elsewhere.BaseAddress}Advertisers/IRsid4567/APISubmissions/A-1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            token));
        using var client = new ApiSubmissionsClient(
            new ImpactCredentials(TestClients.Sid, TestClients.Token),
            new ApiSubmissionsClientOptions { BaseAddress = service.BaseAddress, Retry = TestClients.FastOptions(0).Retry });

        var act = () => client.GetApiSubmissionAsync("A-1");

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(302);
        service.Requests.Should().ContainSingle().Which.Should().Contain("Authorization: Basic");
        elsewhere.Requests.Should().BeEmpty();
    }

    private static string Page(string next, int page = 1) =>
        "{\"@page\":\"" + page + "\",\"@numpages\":\"2\",\"@nextpageuri\":\"" + next.Replace("\\", "\\\\") + "\",\"APISubmissions\":[" + TestClients.Submission("A-" + page) + "]}";
}
