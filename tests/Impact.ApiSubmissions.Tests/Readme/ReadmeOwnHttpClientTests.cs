using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Client;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Readme;

/// <summary>The README's own HttpClient: with automatic redirects off, a 307 carries nothing elsewhere.</summary>
public class ReadmeOwnHttpClientTests
{
    [Fact]
    public async Task With_the_readme_handler_a_redirected_conversion_never_leaves_and_the_307_is_an_error()
    {
        await using var elsewhere = new LoopbackServer((_, stream, token) => LoopbackServer.WriteAsync(stream, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", token), IPAddress.Parse("127.0.0.2"));
        await using var impact = new LoopbackServer((_, stream, token) => LoopbackServer.WriteAsync(
            stream, $"HTTP/1.1 307 Moved\r\nLocation: {elsewhere.BaseAddress}Advertisers/{TestClients.Sid}/Conversions\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token));
        var options = TestClients.FastOptions(maxRetries: 0);
        options.BaseAddress = impact.BaseAddress;

        #region readme-own-httpclient
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        #endregion
        using var client = new ApiSubmissionsClient(http, new ImpactCredentials(TestClients.Sid, TestClients.Token), options);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse("CampaignId=1001&ActionTrackerId=4000&EventDate=2026-01-02T03:04:05-08:00&OrderId=O-1&ClickId=c1"));

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(307);
        elsewhere.Requests.Should().BeEmpty("the form must not follow the redirect");
        http.Dispose();
    }
}
