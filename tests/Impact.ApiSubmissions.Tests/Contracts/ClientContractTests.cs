using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Contracts;

/// <summary>The SDK client against the mock impact.com: one behaviour per test, faults included.</summary>
public sealed class ClientContractTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly ApiSubmissionsClient _client;

    public ClientContractTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 230 });
        _client = _server.CreateClient(Fast);
    }

    public void Dispose()
    {
        _client.Dispose();
    }

    private static void Fast(ApiSubmissionsClientOptions options)
    {
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.UseJitter = false;
        options.Retry.MaxRateLimitDelay = TimeSpan.FromSeconds(3);
        options.Retry.AttemptTimeout = TimeSpan.FromSeconds(10);
    }

    private async Task<List<ApiSubmission>> ListAll(ApiSubmissionListOptions options)
    {
        var all = new List<ApiSubmission>();
        await foreach (var s in _client.GetApiSubmissionsAsync(options))
        {
            all.Add(s);
        }

        return all;
    }

    [Fact]
    public async Task Listing_streams_every_submission_in_order_with_every_field()
    {
        var all = await ListAll(new ApiSubmissionListOptions { PageSize = 50 });

        all.Should().BeEquivalentTo(_server.Submissions, o => o.WithStrictOrdering().ComparingByMembers<ApiSubmission>());
        _server.ReceivedRequests.Select(r => r.PathAndQuery).Should().Equal(
            Enumerable.Range(1, 5).Select(p => $"/Advertisers/{_server.AccountSid}/APISubmissions?Page={p}&PageSize=50"));
    }

    [Fact]
    public async Task Prefetching_pages_gives_the_same_submissions_in_the_same_order()
    {
        var all = await ListAll(new ApiSubmissionListOptions { PageSize = 20, MaxConcurrency = 4 });

        all.Select(s => s.BatchId).Should().Equal(_server.Submissions.Select(s => s.BatchId));
    }

    [Fact]
    public async Task Pages_carry_the_typed_metadata()
    {
        var pages = new List<ImpactPage<ApiSubmission>>();
        await foreach (var page in _client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 100 }).AsPages())
        {
            pages.Add(page);
        }

        pages.Select(p => (p.PageInfo.Page, p.PageInfo.NumPages, p.PageInfo.Total, p.Items.Count)).Should().Equal(
            (1, 3, 230, 100), (2, 3, 230, 100), (3, 3, 230, 30));
        pages[^1].PageInfo.HasNextPage.Should().BeFalse();
        pages[0].PageInfo.NextPageUri!.OriginalString.Should().Be($"/Advertisers/{_server.AccountSid}/APISubmissions?Page=2&PageSize=100");
    }

    [Fact]
    public async Task Get_by_batch_id_and_by_queued_uri_return_the_same_record()
    {
        var expected = _server.Submissions[17];

        var byId = await _client.GetApiSubmissionAsync(expected.BatchId!);
        var byUri = await _client.GetApiSubmissionByUriAsync(expected.Uri!);

        byId.Should().BeEquivalentTo(expected, o => o.ComparingByMembers<ApiSubmission>());
        byUri.Should().BeEquivalentTo(expected, o => o.ComparingByMembers<ApiSubmission>());
    }

    [Fact]
    public async Task A_batch_id_with_reserved_characters_reaches_the_right_record()
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-odd/id?x=1#frag ü"));

        var s = await _client.GetApiSubmissionAsync("A-odd/id?x=1#frag ü");

        s.BatchId.Should().Be("A-odd/id?x=1#frag ü");
    }

    [Fact]
    public async Task An_unknown_batch_id_is_a_404_that_names_it()
    {
        var act = () => _client.GetApiSubmissionAsync("A-00000000-dead-beef-0000-000000000000");

        var e = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        e.StatusCode.Should().Be(404);
        e.Message.Should().StartWith("impact.com has no submission with BatchId 'A-00000000-dead-beef-0000-000000000000' (404)");
        _server.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_401_with_advice_and_no_token()
    {
        using var wrong = new ApiSubmissionsClient(new ImpactCredentials(_server.AccountSid, "not-the-token-xyz"), new ApiSubmissionsClientOptions { BaseAddress = new Uri(_server.BaseUrl) });

        var act = () => wrong.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);

        var e = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        e.StatusCode.Should().Be(401);
        e.Message.Should().StartWith("impact.com refused the credentials (401): check the Account SID and Auth Token");
        e.ToString().Should().NotContain("not-the-token-xyz").And.NotContain(_server.AuthToken);
    }

    [Fact]
    public async Task A_scoped_token_is_a_403_that_explains_the_scope()
    {
        _server.UseScopedTokenMode();

        var act = () => _client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);

        var e = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        e.StatusCode.Should().Be(403);
        e.Message.Should().Contain("scope does not allow API Submissions");
    }

    [Fact]
    public async Task A_burst_of_server_errors_is_retried_through()
    {
        _server.FailNext(2, HttpStatusCode.ServiceUnavailable);

        var s = await _client.GetApiSubmissionAsync(_server.Submissions[3].BatchId!);

        s.BatchId.Should().Be(_server.Submissions[3].BatchId);
        _server.ReceivedRequests.Select(r => r.StatusCode).Should().Equal(503, 503, 200);
    }

    [Fact]
    public async Task A_longer_outage_ends_with_the_last_status()
    {
        _server.FailNext(10, HttpStatusCode.BadGateway);

        var act = () => _client.GetApiSubmissionAsync(_server.Submissions[3].BatchId!);

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(502);
        _server.RequestCount.Should().Be(4);
    }

    [Fact]
    public async Task A_rate_limited_request_waits_for_the_window_and_succeeds()
    {
        _server.RateLimitAfter(2, TimeSpan.FromSeconds(1));

        for (var i = 0; i < 3; i++)
        {
            (await _client.GetApiSubmissionAsync(_server.Submissions[i].BatchId!)).BatchId.Should().Be(_server.Submissions[i].BatchId);
        }

        // Retry-After is whole seconds and the client's timer may fire a hair before the server's window ends,
        // so a second 429 may come before the 200; what matters is that the client waited and then got through.
        var statuses = _server.ReceivedRequests.Select(r => r.StatusCode).ToList();
        statuses.Take(3).Should().Equal(200, 200, 429);
        statuses.Last().Should().Be(200);
        var between = statuses.Skip(3).Take(statuses.Count - 4).ToList();
        between.Should().HaveCountLessThan(2).And.NotContain(s => s != 429);
        _client.RateLimit!.Limit.Should().Be(2);
    }

    [Fact]
    public async Task With_retries_off_a_429_surfaces_with_the_rate_limit_headers()
    {
        _server.RateLimitAfter(1, TimeSpan.FromMinutes(30));
        using var client = _server.CreateClient(o => o.Retry.MaxRetries = 0);
        await client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);

        var act = () => client.GetApiSubmissionAsync(_server.Submissions[1].BatchId!);

        var e = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        e.StatusCode.Should().Be(429);
        e.RateLimit!.Remaining.Should().Be(0);
        e.RateLimit.Limit.Should().Be(1);
        e.RateLimit.ResetAfter.Should().BeCloseTo(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(5));
        e.Message.Should().StartWith("impact.com's rate limit is used up (429): the window resets in");
    }

    [Fact]
    public async Task The_rate_limit_state_follows_each_response()
    {
        _server.RateLimitAfter(1000, TimeSpan.FromHours(1));

        await _client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);
        var first = _client.RateLimit!.Remaining;
        await _client.GetApiSubmissionAsync(_server.Submissions[1].BatchId!);

        first.Should().Be(999);
        _client.RateLimit!.Remaining.Should().Be(998);
        _client.RateLimit.Limit.Should().Be(1000);
    }

    [Fact]
    public async Task A_malformed_body_is_a_clear_error_and_not_retried()
    {
        _server.ServeMalformedBodies(1);

        var act = () => _client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);

        var e = (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which;
        e.StatusCode.Should().Be(200);
        e.Message.Should().StartWith("impact.com answered 200 but the body could not be read: The body is not valid JSON at line");
        _server.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task A_truncated_page_is_retried_and_no_record_is_lost()
    {
        _server.ServeTruncatedBodies(1);

        var all = await ListAll(new ApiSubmissionListOptions { PageSize = 100 });

        all.Select(s => s.BatchId).Should().Equal(_server.Submissions.Select(s => s.BatchId));
        _server.RequestCount.Should().Be(4);
    }

    [Fact]
    public async Task A_body_that_stays_truncated_is_reported_as_truncated()
    {
        _server.ServeTruncatedBodies();

        var act = () => _client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.Message.Should().Contain("the body looks truncated");
        _server.RequestCount.Should().Be(4);
    }

    [Fact]
    public async Task A_connection_reset_mid_body_is_retried_and_the_page_read_whole()
    {
        var transport = new ResettingHandler(resets: 2);
        using var client = new ApiSubmissionsClient(new HttpClient(transport), new ImpactCredentials(_server.AccountSid, _server.AuthToken), Options());

        var all = new List<string?>();
        await foreach (var s in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 100 }))
        {
            all.Add(s.BatchId);
        }

        all.Should().Equal(_server.Submissions.Select(s => s.BatchId));
        transport.ResetsDone.Should().Be(2);
        _server.RequestCount.Should().Be(5);
    }

    [Fact]
    public async Task Connections_that_keep_resetting_end_in_a_connection_error()
    {
        var transport = new ResettingHandler(resets: 100);
        using var client = new ApiSubmissionsClient(new HttpClient(transport), new ImpactCredentials(_server.AccountSid, _server.AuthToken), Options());

        var act = () => client.GetApiSubmissionAsync(_server.Submissions[5].BatchId!);

        var e = (await act.Should().ThrowAsync<ImpactTransportException>()).Which;
        e.Message.Should().StartWith("Could not reach impact.com: Connection reset by peer");
        e.Attempts.Should().Be(4);
        e.InnerException.Should().BeAssignableTo<IOException>();
        _server.RequestCount.Should().Be(4);
    }

    private ApiSubmissionsClientOptions Options()
    {
        var options = new ApiSubmissionsClientOptions { BaseAddress = new Uri(_server.BaseUrl) };
        Fast(options);
        return options;
    }

    /// <summary>A real socket transport whose first answers break halfway through their bodies.</summary>
    private sealed class ResettingHandler(int resets) : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly int _resets = resets;
        private int _resetsLeft = resets;

        public int ResetsDone => _resets - Math.Max(0, Volatile.Read(ref _resetsLeft));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Decrement(ref _resetsLeft) >= 0)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var content = new StreamContent(new BreakingStream(bytes, bytes.Length / 2));
                foreach (var header in response.Content.Headers)
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = content;
            }

            return response;
        }
    }

    private sealed class BreakingStream(byte[] bytes, int breakAt) : MemoryStream(bytes, 0, breakAt)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            return n > 0 ? n : throw new IOException("Connection reset by peer");
        }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            return n > 0 ? n : throw new IOException("Connection reset by peer");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));
    }

    [Fact]
    public async Task A_slow_server_times_out_each_attempt_then_the_call()
    {
        _server.SetLatency(TimeSpan.FromMilliseconds(800));
        using var client = _server.CreateClient(o =>
        {
            Fast(o);
            o.Retry.MaxRetries = 1;
            o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });

        var act = () => client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!);

        var e = (await act.Should().ThrowAsync<ImpactTimeoutException>()).Which;
        e.Message.Should().Contain("(2 attempts; attempt timeout 0.2 s");
        e.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task A_slow_server_within_the_timeout_is_simply_waited_for()
    {
        _server.SetLatency(TimeSpan.FromMilliseconds(150));

        (await _client.GetApiSubmissionAsync(_server.Submissions[0].BatchId!)).BatchId.Should().Be(_server.Submissions[0].BatchId);
    }

    [Fact]
    public async Task Waiting_follows_a_submission_from_queued_to_complete()
    {
        var pending = _server.AddProgressingSubmission(new ApiSubmissionBuilder().WithErrors("Contract Error", "CONTRACT_NOT_FOUND"), getsPerStatus: 2);
        var changes = new List<string>();

        var done = await _client.WaitForCompletionAsync(pending.BatchId!, new WaitOptions<ApiSubmission>
        {
            PollInterval = TimeSpan.FromMilliseconds(10),
            MaxPollInterval = TimeSpan.FromMilliseconds(40),
            Timeout = TimeSpan.FromSeconds(20),
            StatusChanged = s => changes.Add(s.Status.ToString()!),
        });

        changes.Should().Equal("Queued", "In Progress", "Complete");
        done.IsComplete.Should().BeTrue();
        done.HasErrors.Should().BeTrue();
        done.ErrorReasons.Should().Equal(ErrorReason.ContractNotFound);
    }
}
