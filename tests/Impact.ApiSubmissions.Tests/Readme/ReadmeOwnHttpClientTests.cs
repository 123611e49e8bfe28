using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
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
        const string Submission = "{\"BatchId\":\"A-1\",\"Status\":\"COMPLETE\"}";
        await using var elsewhere = new LoopbackServer((_, stream, token) => LoopbackServer.WriteAsync(stream, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n", token), IPAddress.Parse("127.0.0.2"));
        // The server answers one request a connection, so its answers close the connection; it holds each one open a
        // moment after answering, as a loaded machine may, which a kept-alive connection would turn into a lost POST.
        await using var impact = new LoopbackServer(async (head, stream, token) =>
        {
            await LoopbackServer.WriteAsync(stream, head.StartsWith("GET ", StringComparison.Ordinal)
                ? $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Submission.Length}\r\nConnection: close\r\n\r\n{Submission}"
                : $"HTTP/1.1 307 Moved\r\nLocation: {elsewhere.BaseAddress}Advertisers/{TestClients.Sid}/Conversions\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", token);
            await Task.Delay(500, token);
        });
        var (accountSid, authToken, baseAddress, batchId) = (TestClients.Sid, TestClients.Token, impact.BaseAddress, "A-1");
        var cancellationToken = CancellationToken.None;
        var lines = new List<string>();
        void WriteLine(string line) => lines.Add(line);

        #region readme-own-httpclient
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var ownHttpClient = new ApiSubmissionsClient(http, new ImpactCredentials(accountSid, authToken), new ApiSubmissionsClientOptions { BaseAddress = baseAddress });
        WriteLine($"{(await ownHttpClient.GetApiSubmissionAsync(batchId, cancellationToken)).BatchId} read through your own HttpClient");
        #endregion

        lines.Should().Equal("A-1 read through your own HttpClient");
        var act = () => ownHttpClient.SubmitConversionAsync(SubmissionPayload.Parse("CampaignId=1001&ActionTrackerId=4000&EventDate=2026-01-02T03:04:05-08:00&OrderId=O-1&ClickId=c1"));

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(307);
        elsewhere.Requests.Should().BeEmpty("the form must not follow the redirect");
        ownHttpClient.Dispose();
        (await http.GetAsync(elsewhere.BaseAddress)).StatusCode.Should().Be(HttpStatusCode.InternalServerError, "the client leaves the HttpClient you own open");
        http.Dispose();
    }
}
