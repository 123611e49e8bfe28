using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

public sealed class GetTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public GetTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 3, SubmissionCount = 40 });
        _http = _server.CreateHttpClient();
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task Get_answers_each_submission_exactly_as_the_list_shows_it()
    {
        var listed = (await _http.GetJsonAsync(_server.ListPath()))["APISubmission"]!;

        foreach (var submission in listed)
        {
            var got = await _http.GetJsonAsync(_server.GetPath((string)submission["BatchId"]!));
            got.ShouldEqualJson(submission);
        }
    }

    [Fact]
    public async Task An_unknown_BatchId_answers_404()
    {
        using var response = await _http.GetAsync(_server.GetPath("A-00000000-0000-0000-0000-000000000000").TrimStart('/'));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        MockHttp.ParseToken(await response.Content.ReadAsStringAsync()).ShouldEqualJson("""{"Status":"ERROR","Message":"Resource not found"}""");
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("a/b")]
    [InlineData("a?b")]
    public async Task A_BatchId_that_needs_escaping_is_found_by_its_escaped_path(string batchId)
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId(batchId));

        var got = await _http.GetJsonAsync(_server.GetPath(batchId));

        ((string)got["BatchId"]!).Should().Be(batchId);
    }

    [Fact]
    public async Task Other_methods_answer_405()
    {
        using var response = await _http.PostAsync(_server.GetPath(_server.Submissions[0].BatchId!).TrimStart('/'), new StringContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Equal("GET");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Advertisers")]
    [InlineData("/Advertisers/{sid}/Actions")]
    [InlineData("/Advertisers/{sid}/APISubmissions/a/b")]
    public async Task Unknown_paths_answer_404(string path)
    {
        using var response = await _http.GetAsync(path.Replace("{sid}", _server.AccountSid).TrimStart('/'));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_answer_is_labelled_json()
    {
        using var ok = await _http.GetAsync(_server.ListPath().TrimStart('/'));
        using var notFound = await _http.GetAsync(_server.GetPath("nope").TrimStart('/'));

        ok.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        notFound.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        _server.Submissions.Should().HaveCount(40);
        _server.Submissions.Select(s => s.BatchId).Should().OnlyHaveUniqueItems();
    }
}
