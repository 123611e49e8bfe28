using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using System.Threading;
using Impact.ApiSubmissions.Http;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The generated requests, sent through the pipeline with no retries, against the mock impact.com: one behaviour of the real service per test.</summary>
public sealed class GeneratedClientContractTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;
    private readonly ApiSubmissionsRestClient _client;

    public GeneratedClientContractTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 120 });
        _http = _server.CreateHttpClient();
        _client = new ApiSubmissionsRestClient(
            _http,
            new ImpactCredentials(_server.AccountSid, _server.AuthToken),
            new ApiSubmissionsClientOptions { BaseAddress = new Uri(_server.BaseUrl), Retry = new ApiSubmissionsRetryOptions { MaxRetries = 0 } });
    }

    public void Dispose()
    {
        _http.Dispose();
    }

    private Task<ApiSubmissionPage> List(int? page = null, int? pageSize = null) =>
        _client.GetAsync(ImpactRequests.CreateListApiSubmissionsRequest(_server.AccountSid, page, pageSize), null, CancellationToken.None);

    private Task<ApiSubmission> Get(string batchId) =>
        _client.GetAsync(ImpactRequests.CreateGetApiSubmissionRequest(_server.AccountSid, batchId), batchId, CancellationToken.None);

    [Fact]
    public async Task A_page_reads_with_its_metadata_and_typed_fields()
    {
        var page = await List(page: 2, pageSize: 50);

        (page.Page, page.Numpages, page.Pagesize, page.Total, page.Start, page.End).Should().Be(("2", "3", "50", "120", "50", "99"));
        page.Nextpageuri.Should().Be($"/Advertisers/{_server.AccountSid}/APISubmissions?Page=3&PageSize=50");
        page.Submissions.Should().HaveCount(50);
        page.Submissions!.Select(s => s.AccountId).Should().OnlyContain(id => id == 10001);
        page.Submissions!.Should().OnlyContain(s => s.SubmissionDate!.Value.Offset == TimeSpan.FromHours(-7) || s.SubmissionDate!.Value.Offset == TimeSpan.FromHours(-8));
    }

    [Fact]
    public async Task Reading_every_page_gives_the_server_s_submissions_in_order()
    {
        var read = new List<ApiSubmission>();
        for (var number = 1; ; number++)
        {
            var page = await List(number, 25);
            read.AddRange(page.Submissions!);
            if (page.Nextpageuri == string.Empty)
            {
                break;
            }
        }

        read.Should().BeEquivalentTo(_server.Submissions, options => options.WithStrictOrdering().ComparingByMembers<ApiSubmission>());
    }

    [Fact]
    public async Task Get_reads_one_submission_as_listed()
    {
        var expected = _server.Submissions[17];

        var got = await Get(expected.BatchId!);

        got.Should().BeEquivalentTo(expected, options => options.ComparingByMembers<ApiSubmission>());
    }

    [Fact]
    public async Task Polling_a_progressing_submission_sees_it_complete()
    {
        var submitted = _server.AddProgressingSubmission(new ApiSubmissionBuilder().WithErrors("Validation", "CONV_DUPLICATE"));

        var seen = new List<SubmissionStatus?>();
        ApiSubmission current;
        do
        {
            current = await Get(submitted.BatchId!);
            seen.Add(current.Status);
        }
        while (current.Status != SubmissionStatus.Complete);

        seen.Should().Equal(SubmissionStatus.Queued, SubmissionStatus.InProgress, SubmissionStatus.Complete);
        current.ErrorReason.Should().Be("CONV_DUPLICATE");
    }

    [Fact]
    public async Task An_unknown_BatchId_throws_with_impact_s_error()
    {
        var call = () => Get("A-nope");

        var error = (await call.Should().ThrowAsync<ImpactApiException>()).Which;
        error.StatusCode.Should().Be(404);
        error.Error!.Message.Should().Be("Resource not found");
    }

    [Fact]
    public async Task A_rate_limited_call_throws_with_the_rate_limit_headers()
    {
        _server.RateLimitAfter(1, TimeSpan.FromMinutes(10));
        await List(1, 10);

        var error = (await FluentActions.Awaiting(() => List(1, 10))
            .Should().ThrowAsync<ImpactApiException>()).Which;

        error.StatusCode.Should().Be((int)HttpStatusCode.TooManyRequests);
        error.Headers["X-RateLimit-Remaining"].Should().Equal("0");
        // Whole seconds left in the 10-minute window: 600 at once, less on a machine slow enough to lose a second.
        int.Parse(error.Headers["X-RateLimit-Reset"].Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 600);
    }

    [Fact]
    public async Task A_malformed_body_throws_a_deserialisation_error()
    {
        _server.ServeMalformedBodies(1);

        var error = (await FluentActions.Awaiting(() => List())
            .Should().ThrowAsync<ImpactApiException>()).Which;

        error.StatusCode.Should().Be(200);
        error.Message.Should().StartWith("impact.com answered 200 but the body could not be read: The body is not valid JSON at line");
    }

    [Fact]
    public async Task Server_failures_surface_as_their_status()
    {
        _server.FailNext(1, HttpStatusCode.GatewayTimeout);

        var error = (await FluentActions.Awaiting(() => List())
            .Should().ThrowAsync<ImpactApiException>()).Which;

        error.StatusCode.Should().Be(504);
        (await List()).Submissions.Should().HaveCount(120);
    }
}
