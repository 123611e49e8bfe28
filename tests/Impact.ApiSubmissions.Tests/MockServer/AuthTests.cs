using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class AuthTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _anonymous = new();

    public AuthTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { AccountSid = "IRauth1", AuthToken = "secret", SubmissionCount = 3 });
    }

    public void Dispose()
    {
        _anonymous.Dispose();
    }

    [Fact]
    public async Task The_right_Basic_credentials_are_accepted()
    {
        (await Send(Basic("IRauth1", "secret"))).Should().Be((HttpStatusCode.OK, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic SVJhdXRoMTp3cm9uZw==")] // IRauth1:wrong
    [InlineData("Basic SVJvdGhlcjpzZWNyZXQ=")] // IRother:secret
    [InlineData("Bearer secret")]
    [InlineData("Basic not-base64")]
    public async Task Missing_or_wrong_credentials_answer_401(string? authorization)
    {
        (await Send(authorization)).Should().Be((HttpStatusCode.Unauthorized, "Authentication failed"));
    }

    [Fact]
    public async Task Scoped_token_mode_answers_403_to_the_right_credentials()
    {
        _server.UseScopedTokenMode();

        (await Send(Basic("IRauth1", "secret"))).Should().Be((HttpStatusCode.Forbidden, "Access denied"));
        (await Send(Basic("IRauth1", "wrong"))).Should().Be((HttpStatusCode.Unauthorized, "Authentication failed"));
    }

    [Fact]
    public async Task Another_account_in_the_path_answers_403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/Advertisers/IRsomeoneElse/APISubmissions");
        request.Headers.TryAddWithoutValidation("Authorization", Basic("IRauth1", "secret"));

        using var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private async Task<(HttpStatusCode Status, string? Message)> Send(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + _server.ListPath());
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _anonymous.SendAsync(request);
        var body = MockHttp.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, response.IsSuccessStatusCode ? null : (string?)body["Message"]);
    }

    private static string Basic(string user, string password) =>
        new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))).ToString();
}
