using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.Client;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Submitting;

/// <summary>SubmitConversionAsync: the bytes sent, validation before sending, the error family, and which failures are retried.</summary>
public sealed class SubmitConversionTests : IClassFixture<SharedMockServer>
{
    private const string Valid =
        "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=9000000000001"
        + "&ClickId=click%253A1&CurrencyCode=USD&ItemSku1=12345&ItemName1=Anvil+Pro&ItemQuantity1=2&ItemPrice1=10";

    private const string Queued = "{\"Status\":\"QUEUED\",\"QueuedUri\":\"/Advertisers/IRsid4567/APISubmissions/A-00000000-0000-0000-0000-000000000001\"}";

    private readonly ImpactMockServer _server;

    public SubmitConversionTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { SubmissionCount = 5 });
    }

    [Fact]
    public async Task A_conversion_is_queued_and_its_BatchId_is_read_from_the_QueuedUri()
    {
        using var client = _server.CreateClient();

        var queued = await client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        queued.Status.Should().Be("QUEUED");
        queued.QueuedUri.Should().Be(_server.Submissions.Last().Uri);
        queued.BatchId.Should().Be(_server.Submissions.Last().BatchId);
        var request = _server.ReceivedRequests.Last();
        (request.Method, request.PathAndQuery, request.StatusCode).Should().Be(("POST", $"/Advertisers/{_server.AccountSid}/Conversions", 200));
        request.Headers["Content-Type"].Should().StartWith("application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task A_queued_conversion_is_stamped_complete_when_it_is_first_seen_complete_never_ahead_of_the_clock()
    {
        var clock = new Impact.ApiSubmissions.Tests.MockServer.ManualTimeProvider(new DateTimeOffset(2026, 3, 4, 17, 0, 0, TimeSpan.Zero));
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1, TimeProvider = clock });
        using var client = server.CreateClient();
        var queued = await client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        clock.Advance(TimeSpan.FromSeconds(4));
        var states = new[]
        {
            await client.GetApiSubmissionAsync(queued.BatchId!),
            await client.GetApiSubmissionAsync(queued.BatchId!),
            await client.GetApiSubmissionAsync(queued.BatchId!),
        };
        clock.Advance(TimeSpan.FromMinutes(5));
        var later = await client.GetApiSubmissionAsync(queued.BatchId!);

        states.Select(s => s.Status).Should().Equal(SubmissionStatus.Queued, SubmissionStatus.InProgress, SubmissionStatus.Complete);
        states[2].CompletionDate.Should().Be(states[2].SubmissionDate!.Value.AddSeconds(4), "it completed when it was first seen complete");
        states[2].CompletionDate!.Value.Offset.Should().Be(states[2].SubmissionDate!.Value.Offset, "in the account's time zone, like the SubmissionDate");
        later.CompletionDate.Should().Be(states[2].CompletionDate, "a completed submission keeps its date");
    }

    [Fact]
    public async Task A_payload_parsed_from_a_submission_and_sent_unedited_goes_out_byte_for_byte()
    {
        using var client = _server.CreateClient();
        var first = await client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));
        var stored = await client.GetApiSubmissionAsync(first.BatchId!);

        // The same payload again (a duplicate to impact.com, but the bytes are what this test looks at).
        var second = await client.SubmitConversionAsync(stored.ParsePayload());

        var resent = _server.Submissions.Single(s => s.BatchId == second.BatchId);
        resent.Payload.Should().Be(Valid, "the mock keeps the body exactly as it arrived");
    }

    [Fact]
    public async Task A_payload_with_problems_names_every_one_and_nothing_is_sent()
    {
        using var client = _server.CreateClient();
        var payload = SubmissionPayload.Parse(Valid);
        payload.Remove("OrderId");
        payload.Remove("ClickId");
        int before = _server.ReceivedRequests.Count;

        var act = () => client.SubmitConversionAsync(payload);

        var thrown = (await act.Should().ThrowAsync<PayloadValidationException>()).Which;
        thrown.Problems.Select(p => (p.Kind, p.Key)).Should().Equal(
            (PayloadProblemKind.MissingRequiredKey, "OrderId"),
            (PayloadProblemKind.MissingOneOf, "ClickId"));
        thrown.Message.Should().Contain("OrderId").And.Contain("ClickId").And.Contain("2 problems");
        thrown.ParamName.Should().Be("payload");
        _server.ReceivedRequests.Should().HaveCount(before, "an invalid payload never leaves the client");
    }

    [Fact]
    public async Task A_400_carries_impacts_lower_case_envelope_with_every_problem_and_is_not_retried()
    {
        const string body = "{\"Status\":\"ERROR\",\"errors\":[{\"field\":\"CampaignId\",\"level\":\"ERROR\",\"message\":\"CampaignId is closed.\"},"
            + "{\"field\":\"OrderId\",\"level\":\"ERROR\",\"message\":\"OrderId is too long.\"}]}";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(body, HttpStatusCode.BadRequest));
        using var client = TestClients.Create(handler);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        var thrown = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        thrown.StatusCode.Should().Be(400);
        thrown.Error!.Errors!.Select(e => (e.Field, e.Message)).Should().Equal(("CampaignId", "CampaignId is closed."), ("OrderId", "OrderId is too long."));
        thrown.Message.Should().Contain("CampaignId: CampaignId is closed.").And.Contain("OrderId: OrderId is too long.");
        handler.Calls.Should().Be(1);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_status_impact_answers_before_processing_is_retried(int status)
    {
        var handler = new ScriptedHandler((_, call) => call == 1 ? ScriptedHandler.Json("{}", (HttpStatusCode)status) : ScriptedHandler.Json(Queued));
        using var client = TestClients.Create(handler);

        var queued = await client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        queued.BatchId.Should().Be("A-00000000-0000-0000-0000-000000000001");
        handler.Calls.Should().Be(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_status_that_may_follow_processing_is_not_retried(int status)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{}", (HttpStatusCode)status));
        using var client = TestClients.Create(handler);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(status);
        handler.Calls.Should().Be(1, "a second POST could create a second conversion");
    }

    [Fact]
    public async Task A_timeout_after_the_request_was_sent_is_not_retried_and_says_the_conversion_may_be_queued()
    {
        // Reads the request and never answers: the POST reached the server.
        await using var server = new LoopbackServer((_, _, token) => Task.Delay(Timeout.Infinite, token));
        var retry = TestClients.FastOptions(maxRetries: 3).Retry;
        retry.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var client = new ApiSubmissionsClient(new ImpactCredentials(TestClients.Sid, TestClients.Token), new ApiSubmissionsClientOptions { BaseAddress = server.BaseAddress, Retry = retry });

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        var thrown = (await act.Should().ThrowAsync<ImpactTimeoutException>()).Which;
        thrown.Message.Should().Contain("may have been queued").And.Contain("POST");
        thrown.Attempts.Should().Be(1);
        server.Requests.Should().ContainSingle().Which.Should().StartWith($"POST /Advertisers/{TestClients.Sid}/Conversions ");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_nothing_was_sent()
    {
        var log = new ConcurrentQueue<ApiRequestLogEntry>();
        var options = TestClients.FastOptions(maxRetries: 2);
        options.BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        options.RequestLogged = log.Enqueue;
        using var client = new ApiSubmissionsClient(new ImpactCredentials(TestClients.Sid, TestClients.Token), options);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        var thrown = (await act.Should().ThrowAsync<ImpactTransportException>()).Which;
        thrown.Attempts.Should().Be(3);
        thrown.Message.Should().Contain("Nothing was sent");
        log.Select(e => (e.Method, e.Attempt, e.StatusCode)).Should().Equal(("POST", 1, null), ("POST", 2, null), ("POST", 3, null));
    }

    [Fact]
    public async Task A_connection_closed_after_the_request_was_read_is_not_retried()
    {
        // Reads the request, then hangs up without an answer: impact.com may have queued it.
        await using var server = new LoopbackServer((_, _, _) => Task.CompletedTask);
        using var client = new ApiSubmissionsClient(new ImpactCredentials(TestClients.Sid, TestClients.Token), new ApiSubmissionsClientOptions { BaseAddress = server.BaseAddress, Retry = TestClients.FastOptions(maxRetries: 3).Retry });

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        var thrown = (await act.Should().ThrowAsync<ImpactTransportException>()).Which;
        thrown.Attempts.Should().Be(1);
        thrown.Message.Should().Contain("may have been queued");
        server.Requests.Should().ContainSingle("a second POST could create a second conversion");
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_retried_because_nothing_was_sent()
    {
        var connects = 0;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, _) =>
            {
                Interlocked.Increment(ref connects);
                throw new SocketException((int)SocketError.HostNotFound);
            },
        };
        using var http = new HttpClient(handler);
        using var client = new ApiSubmissionsClient(http, new ImpactCredentials(TestClients.Sid, TestClients.Token), TestClients.FastOptions(maxRetries: 2));

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        var thrown = (await act.Should().ThrowAsync<ImpactTransportException>()).Which;
        thrown.Message.Should().Contain("Nothing was sent");
        connects.Should().Be(3);
    }

    [Fact]
    public async Task The_post_is_logged_with_its_method_and_never_shows_the_token()
    {
        var log = new ConcurrentQueue<ApiRequestLogEntry>();
        string echo = "{\"Status\":\"ERROR\",\"errors\":[{\"field\":\"Auth\",\"level\":\"ERROR\",\"message\":\"bad " + TestClients.Token + "\"}]}";
        var options = TestClients.FastOptions();
        options.RequestLogged = log.Enqueue;
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json(echo, HttpStatusCode.BadRequest)), options);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        var thrown = (await act.Should().ThrowAsync<ImpactApiException>()).Which;
        thrown.Message.Should().NotContain(TestClients.Token);
        thrown.Response.Should().NotContain(TestClients.Token);
        log.Should().ContainSingle().Which.Method.Should().Be("POST");
    }

    [Fact]
    public async Task A_QueuedUri_of_another_account_is_a_wire_format_error()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{\"Status\":\"QUEUED\",\"QueuedUri\":\"/Advertisers/IRother/APISubmissions/A-1\"}"));
        using var client = TestClients.Create(handler);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which.Field.Should().Be("QueuedUri");
        handler.Calls.Should().Be(1);
    }

    [Fact]
    public async Task The_post_passes_the_request_gate_before_credentials_are_attached()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(Queued));
        using var client = TestClients.Create(handler);

        await client.SubmitConversionAsync(SubmissionPayload.Parse(Valid));

        var request = handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Post);
        request.RequestUri!.AbsolutePath.Should().Be($"/Advertisers/{TestClients.Sid}/Conversions");
        request.Headers.Authorization!.Scheme.Should().Be("Basic");
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
