using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Client;

public class WaitingTests
{
    private static WaitOptions<ApiSubmission> Fast(List<string>? changes = null) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(10),
        StatusChanged = s => changes?.Add(s.Status.ToString()!),
    };

    [Fact]
    public async Task Polls_until_complete_and_reports_each_status_change()
    {
        var statuses = new[] { "Queued", "Queued", "In Progress", "In Progress", "Complete" };
        var handler = new ScriptedHandler((_, call) => ScriptedHandler.Json(TestClients.Submission("A-1", statuses[Math.Min(call, statuses.Length) - 1])));
        using var client = TestClients.Create(handler);
        var changes = new List<string>();

        var done = await client.WaitForCompletionAsync("A-1", Fast(changes));

        done.IsComplete.Should().BeTrue();
        handler.Calls.Should().Be(5);
        changes.Should().Equal("Queued", "In Progress", "Complete");
    }

    [Fact]
    public async Task A_complete_submission_with_errors_is_returned_not_thrown()
    {
        var body = "{\"BatchId\":\"A-1\",\"Status\":\"Complete\",\"ErrorType\":\"Contract Error\",\"ErrorReason\":\"CONTRACT_NOT_FOUND\"}";
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json(body)));

        var done = await client.WaitForCompletionAsync("A-1", Fast());

        done.HasErrors.Should().BeTrue();
        done.ErrorReasons.Should().Equal(ErrorReason.ContractNotFound);
    }

    [Fact]
    public async Task Times_out_with_the_last_status_seen()
    {
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1", "In Progress"))));
        var options = Fast();
        options.Timeout = TimeSpan.FromSeconds(1.5);

        var act = () => client.WaitForCompletionAsync("A-1", options);

        var e = (await act.Should().ThrowAsync<ImpactWaitTimeoutException>()).Which;
        e.LastStatus.Should().Be(SubmissionStatus.InProgress);
        e.BatchId.Should().Be("A-1");
        e.Polls.Should().BeGreaterThan(1);
        e.Message.Should().StartWith("Submission 'A-1' was still 'In Progress' after 1.5 s");
    }

    [Fact]
    public async Task A_timeout_names_the_limit_the_wait_used_even_when_the_options_change_while_it_runs()
    {
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1", "In Progress"))));
        var options = Fast();
        options.Timeout = TimeSpan.FromSeconds(1.5);
        options.StatusChanged = _ => options.Timeout = TimeSpan.FromMinutes(5);

        var act = () => client.WaitForCompletionAsync("A-1", options);

        var e = (await act.Should().ThrowAsync<ImpactWaitTimeoutException>()).Which;
        e.Message.Should().StartWith("Submission 'A-1' was still 'In Progress' after 1.5 s");
    }

    [Fact]
    public async Task The_interval_backs_off_between_polls()
    {
        var stamps = new List<DateTimeOffset>();
        var handler = new ScriptedHandler((_, call) =>
        {
            lock (stamps)
            {
                stamps.Add(DateTimeOffset.UtcNow);
            }

            return ScriptedHandler.Json(TestClients.Submission("A-1", call < 5 ? "Queued" : "Complete"));
        });
        using var client = TestClients.Create(handler);

        await client.WaitForCompletionAsync("A-1", new WaitOptions<ApiSubmission>
        {
            PollInterval = TimeSpan.FromMilliseconds(40),
            MaxPollInterval = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromSeconds(10),
        });

        // Delays are never shorter than asked (a loaded machine only makes them longer): 40, 80, 160, 320 ms.
        var gaps = stamps.Zip(stamps.Skip(1), (a, b) => b - a).ToList();
        gaps.Should().HaveCount(4);
        gaps[1].Should().BeGreaterThan(TimeSpan.FromMilliseconds(75));
        gaps[2].Should().BeGreaterThan(TimeSpan.FromMilliseconds(150));
        gaps[3].Should().BeGreaterThan(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_at_once()
    {
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-1", "Queued"))));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var options = Fast();
        options.PollInterval = TimeSpan.FromSeconds(20);
        options.MaxPollInterval = TimeSpan.FromSeconds(20);
        var started = DateTimeOffset.UtcNow;

        var act = () => client.WaitForCompletionAsync("A-1", options, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (DateTimeOffset.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_unknown_batch_id_fails_with_the_404()
    {
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json("{\"Status\":\"ERROR\",\"Message\":\"Not found\"}", HttpStatusCode.NotFound)));

        var act = () => client.WaitForCompletionAsync("A-gone", Fast());

        (await act.Should().ThrowAsync<ImpactApiException>()).Which.StatusCode.Should().Be(404);
    }
}
