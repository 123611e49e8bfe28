using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

public class ResilienceTests
{
    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried_until_success(int status)
    {
        var handler = new ScriptedHandler((_, call) => call < 3
            ? ScriptedHandler.Json("{\"Status\":\"ERROR\",\"Message\":\"busy\"}", (HttpStatusCode)status)
            : ScriptedHandler.Json(TestClients.Submission("A-1")));
        using var client = TestClients.Create(handler);

        var s = await client.GetApiSubmissionAsync("A-1");

        s.BatchId.Should().Be("A-1");
        handler.Calls.Should().Be(3);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Permanent_statuses_are_not_retried(int status)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{\"Status\":\"ERROR\",\"Message\":\"no\"}", (HttpStatusCode)status));
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionAsync("A-1");

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(status);
        handler.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Retries_give_up_after_the_configured_count_with_the_last_answer()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{\"Status\":\"ERROR\",\"Message\":\"down\"}", HttpStatusCode.ServiceUnavailable));
        using var client = TestClients.Create(handler, TestClients.FastOptions(maxRetries: 2));

        var act = () => client.GetApiSubmissionAsync("A-1");

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(503);
        handler.Calls.Should().Be(3);
    }

    [Fact]
    public async Task Retries_can_be_switched_off()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{}", HttpStatusCode.ServiceUnavailable));
        using var client = TestClients.Create(handler, TestClients.FastOptions(maxRetries: 0));

        await FluentActions.Awaiting(() => client.GetApiSubmissionAsync("A-1")).Should().ThrowAsync<ImpactApiException>();
        handler.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Connection_failures_are_retried()
    {
        var handler = new ScriptedHandler((_, call) => call == 1
            ? throw new HttpRequestException("Connection reset by peer")
            : ScriptedHandler.Json(TestClients.Submission("A-1")));
        using var client = TestClients.Create(handler);

        (await client.GetApiSubmissionAsync("A-1")).BatchId.Should().Be("A-1");
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_when_sent()
    {
        var seen = new ConcurrentQueue<long>();
        var handler = new ScriptedHandler((_, call) =>
        {
            seen.Enqueue(Stopwatch.GetTimestamp());
            return call == 1
                ? ScriptedHandler.Json("{}", (HttpStatusCode)429, new Dictionary<string, string> { ["Retry-After"] = "1", ["X-RateLimit-Reset"] = "3000" })
                : ScriptedHandler.Json(TestClients.Submission("A-1"));
        });
        var options = TestClients.FastOptions();
        // The cap is far above Retry-After: a client that waited by X-RateLimit-Reset (3000 s) instead would
        // wait the full cap, and the 20 s token below would end the call long before.
        options.Retry.MaxRateLimitDelay = TimeSpan.FromMinutes(5);
        using var client = TestClients.Create(handler, options);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await client.GetApiSubmissionAsync("A-1", bound.Token);

        var stamps = seen.ToArray();
        var waited = TimeSpan.FromSeconds((stamps[1] - stamps[0]) / (double)Stopwatch.Frequency);
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_for_the_rate_limit_reset()
    {
        var seen = new ConcurrentQueue<long>();
        var handler = new ScriptedHandler((_, call) =>
        {
            seen.Enqueue(Stopwatch.GetTimestamp());
            return call == 1
                ? ScriptedHandler.Json("{}", (HttpStatusCode)429, new Dictionary<string, string> { ["X-RateLimit-Limit"] = "1000", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "1" })
                : ScriptedHandler.Json(TestClients.Submission("A-1"));
        });
        var options = TestClients.FastOptions();
        options.Retry.MaxRateLimitDelay = TimeSpan.FromMinutes(5);
        using var client = TestClients.Create(handler, options);

        await client.GetApiSubmissionAsync("A-1");

        var stamps = seen.ToArray();
        TimeSpan.FromSeconds((stamps[1] - stamps[0]) / (double)Stopwatch.Frequency).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "the fast backoff would retry at once");
    }

    [Fact]
    public void A_429_hint_is_capped_and_other_failures_use_backoff()
    {
        var rateLimited = new ImpactApiException(429, "limited", null, new Dictionary<string, IEnumerable<string>>(), null,
            new RateLimitState(1000, 0, TimeSpan.FromSeconds(3000), null, DateTimeOffset.UtcNow), null);
        var withRetryAfter = new ImpactApiException(429, "limited", null, new Dictionary<string, IEnumerable<string>>(), null,
            new RateLimitState(1000, 0, TimeSpan.FromSeconds(3000), TimeSpan.FromSeconds(2), DateTimeOffset.UtcNow), null);
        var serverError = new ImpactApiException(503, "down", null, new Dictionary<string, IEnumerable<string>>(), null, null, null);

        Impact.ApiSubmissions.Http.ImpactResiliencePipeline.RateLimitDelay(rateLimited, TimeSpan.FromSeconds(60)).Should().Be(TimeSpan.FromSeconds(60));
        Impact.ApiSubmissions.Http.ImpactResiliencePipeline.RateLimitDelay(withRetryAfter, TimeSpan.FromSeconds(60)).Should().Be(TimeSpan.FromSeconds(2));
        Impact.ApiSubmissions.Http.ImpactResiliencePipeline.RateLimitDelay(serverError, TimeSpan.FromSeconds(60)).Should().BeNull();
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        var handler = new ScriptedHandler(async (_, call, token) =>
        {
            if (call == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
            }

            return ScriptedHandler.Json(TestClients.Submission("A-1"));
        });
        var options = TestClients.FastOptions();
        options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        using var client = TestClients.Create(handler, options);

        (await client.GetApiSubmissionAsync("A-1")).BatchId.Should().Be("A-1");
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task The_overall_deadline_ends_the_call_with_a_timeout_exception()
    {
        var handler = new ScriptedHandler(async (_, _, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return ScriptedHandler.Json("{}");
        });
        // A process's first timed-out attempt can take a few hundred ms more on a busy machine (the timeout
        // path is compiled then), so the deadline leaves room for several 100 ms attempts whatever the load.
        var options = TestClients.FastOptions(maxRetries: 50);
        options.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        options.Retry.OverallTimeout = TimeSpan.FromMilliseconds(1500);
        using var client = TestClients.Create(handler, options);

        var act = () => client.GetApiSubmissionAsync("A-1");

        var e = (await act.Should().ThrowAsync<ImpactTimeoutException>()).Which;
        e.Message.Should().StartWith("impact.com did not answer GET /Advertisers/IRsid4567/APISubmissions/A-1 in time");
        e.Attempts.Should().BeGreaterThan(1);
        e.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1450));
    }

    [Fact]
    public async Task Cancellation_stops_at_once_even_during_a_retry_wait()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{}", (HttpStatusCode)429, new Dictionary<string, string> { ["Retry-After"] = "30" }));
        var options = TestClients.FastOptions();
        options.Retry.MaxRateLimitDelay = TimeSpan.FromSeconds(30);
        using var client = TestClients.Create(handler, options);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var act = () => client.GetApiSubmissionAsync("A-1", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        handler.Calls.Should().Be(1);
    }

    [Fact]
    public async Task Every_attempt_is_logged_without_secrets()
    {
        var entries = new ConcurrentQueue<ApiRequestLogEntry>();
        var handler = new ScriptedHandler((_, call) => call == 1
            ? ScriptedHandler.Json("{}", HttpStatusCode.BadGateway)
            : ScriptedHandler.Json(TestClients.Submission("A-1")));
        var options = TestClients.FastOptions();
        options.RequestLogged = entries.Enqueue;
        using var client = TestClients.Create(handler, options);

        await client.GetApiSubmissionAsync("A-1");

        entries.Select(e => (e.Method, e.Path, e.StatusCode, e.Attempt)).Should().Equal(
            ("GET", "/Advertisers/IRsid4567/APISubmissions/A-1", 502, 1),
            ("GET", "/Advertisers/IRsid4567/APISubmissions/A-1", 200, 2));
        entries.Should().OnlyContain(e => !e.ToString().Contains(TestClients.Token) && e.Elapsed >= TimeSpan.Zero);
    }
}

public class BodyCancellationTests
{
    [Fact]
    public async Task Cancellation_as_the_body_is_opened_is_a_cancellation_not_a_stream_error()
    {
        using var cts = new CancellationTokenSource();
        var body = System.Text.Encoding.UTF8.GetBytes(TestClients.Submission("A-1"));
        var handler = new ScriptedHandler((_, _) =>
        {
            var content = new StreamContent(new CancelOnOpenStream(body, cts));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var client = TestClients.Create(handler, TestClients.FastOptions(maxRetries: 0));

        var act = () => client.GetApiSubmissionAsync("A-1", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>Cancels the caller's token the moment a reader checks whether the body can be read.</summary>
    private sealed class CancelOnOpenStream(byte[] bytes, CancellationTokenSource cts) : System.IO.MemoryStream(bytes)
    {
        public override bool CanRead
        {
            get
            {
                cts.Cancel();
                return base.CanRead;
            }
        }
    }
}
