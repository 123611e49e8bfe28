using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public class StartAndStopTests
{
    [Fact]
    public async Task Starts_on_a_free_loopback_port_and_answers()
    {
        using var server = ImpactMockServer.Start();
        using var http = server.CreateHttpClient();

        server.BaseUrl.Should().MatchRegex(@"^http://127\.0\.0\.1:[1-9][0-9]*$");
        using var response = await http.GetAsync(server.ListPath().TrimStart('/'));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void Two_servers_get_different_ports()
    {
        using var first = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1 });
        using var second = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1 });

        first.BaseUrl.Should().NotBe(second.BaseUrl);
    }

    [Fact]
    public async Task Dispose_stops_the_server()
    {
        var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1 });
        using var http = server.CreateHttpClient();
        var path = server.ListPath().TrimStart('/');
        (await http.GetAsync(path)).Dispose();
        server.RequestCount.Should().Be(1);

        server.Dispose();
        server.Dispose();

        // WireMock's Stop could return while Kestrel still answered (the flaky failure). The freed port may also be
        // taken by another test's server at once, so the status alone proves little: what must hold is that
        // nothing more reaches this server.
        try
        {
            using var fresh = new HttpClient();
            using var response = await fresh.GetAsync(server.BaseUrl + "/" + path);
        }
        catch (HttpRequestException)
        {
        }

        server.RequestCount.Should().Be(1, "a disposed server answers nothing");
    }

    [Fact]
    public void Start_exposes_the_credentials_it_accepts()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { AccountSid = "IRsid123", AuthToken = "token-1", SubmissionCount = 0 });

        server.AccountSid.Should().Be("IRsid123");
        server.AuthToken.Should().Be("token-1");
        server.Submissions.Should().BeEmpty();
    }

    [Theory]
    [InlineData(-1, "IRsid", "token")]
    [InlineData(1_000_001, "IRsid", "token")]
    [InlineData(1, "", "token")]
    [InlineData(1, "IR/sid", "token")]
    [InlineData(1, "IRsid", "")]
    public void Start_rejects_unusable_options(int count, string accountSid, string authToken)
    {
        var options = new ImpactMockServerOptions { SubmissionCount = count, AccountSid = accountSid, AuthToken = authToken };

        FluentActions.Invoking(() => ImpactMockServer.Start(options)).Should().Throw<ArgumentException>();
    }
}
