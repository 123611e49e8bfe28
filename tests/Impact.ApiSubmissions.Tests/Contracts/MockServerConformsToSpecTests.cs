using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>Everything the mock server answers is validated against the spec, like the stubs are.</summary>
public sealed class MockServerConformsToSpecTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public MockServerConformsToSpecTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 400 });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task Every_page_and_every_submission_conform()
    {
        _server.Add(new ApiSubmissionBuilder().WithOrderId(null).WithEventCode(null).WithStatus(SubmissionStatus.Queued));
        var schema = SpecOperations.Validator.ResponseSchema("ListApiSubmissions", "200");
        var getSchema = SpecOperations.Validator.ResponseSchema("GetApiSubmission", "200");

        for (var next = _server.ListPath(page: 1, pageSize: 150); next.Length > 0;)
        {
            var page = await _http.GetJsonAsync(next);
            SpecOperations.Validator.Validate(page, schema).Should().BeEmpty(next);
            next = (string)page["@nextpageuri"]!;
        }

        foreach (var submission in _server.Submissions)
        {
            var got = await _http.GetJsonAsync(_server.GetPath(submission.BatchId!));
            SpecOperations.Validator.Validate(got, getSchema).Should().BeEmpty(submission.BatchId);
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Every_error_the_spec_declares_conforms(HttpStatusCode status)
    {
        var path = _server.ListPath();
        var http = _http;
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        switch (status)
        {
            case HttpStatusCode.BadRequest:
                path += "?PageSize=many";
                break;
            case HttpStatusCode.Unauthorized:
                http = anonymous;
                break;
            case HttpStatusCode.Forbidden:
                _server.UseScopedTokenMode();
                break;
            case HttpStatusCode.NotFound:
                path = _server.GetPath("A-unknown");
                break;
            case HttpStatusCode.TooManyRequests:
                _server.RateLimitAfter(0, TimeSpan.FromHours(1));
                break;
            default:
                _server.FailNext(1, status);
                break;
        }

        using var response = await http.GetAsync(path.TrimStart('/'));

        response.StatusCode.Should().Be(status);
        var body = MockHttp.ParseToken(await response.Content.ReadAsStringAsync());
        var schema = SpecOperations.Validator.ResponseSchema("ListApiSubmissions", ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        SpecOperations.Validator.Validate(body, schema).Should().BeEmpty();
    }
}
