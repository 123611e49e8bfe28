using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Tests.Client;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary><c>watch --webhook</c> and <c>--exec</c>: each event handed on beside the watch, retried, failures as warnings.</summary>
public sealed class EventHooksTests
{
    private const string Event = "{\"event\":\"failed\",\"key\":\"failed:A-1\"}";

    [Fact]
    public async Task A_webhook_that_fails_once_gets_the_event_again_and_no_warning_is_printed()
    {
        var bodies = new ConcurrentQueue<string>();
        var handler = new ScriptedHandler((request, call) =>
        {
            bodies.Enqueue(request.Content!.ReadAsStringAsync().Result);
            return new HttpResponseMessage(bodies.Count == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NoContent);
        });
        var warnings = new ConcurrentQueue<string>();

        await using (var hooks = EventHooks.Create(null, "http://127.0.0.1:9/hook", warnings.Enqueue, handler, new[] { TimeSpan.Zero, TimeSpan.Zero }))
        {
            hooks!.Enqueue(Event);
        }

        bodies.Should().Equal(Event, Event);
        handler.Requests.Should().OnlyContain(r => r.Method == HttpMethod.Post && r.Content!.Headers.ContentType!.MediaType == "application/json");
        warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_a_warning_after_its_retries()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var warnings = new ConcurrentQueue<string>();

        await using (var hooks = EventHooks.Create(null, "http://127.0.0.1:9/hook", warnings.Enqueue, handler, new[] { TimeSpan.Zero, TimeSpan.Zero }))
        {
            hooks!.Enqueue(Event);
        }

        handler.Calls.Should().Be(3);
        warnings.Should().ContainSingle().Which.Should().Contain("answered 500").And.Contain("after 3 attempts");
    }

    [Fact]
    public async Task Exec_gets_the_event_as_json_on_its_standard_input()
    {
        var file = Path.Combine(Path.GetTempPath(), "impact-exec-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            await using (var hooks = EventHooks.Create($"cat > '{file}'", null, _ => { }))
            {
                hooks!.Enqueue(Event);
            }

            File.ReadAllText(file).Should().Be(Event + "\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_webhook_that_is_not_an_http_url_is_a_usage_error()
    {
        var create = () => EventHooks.Create(null, "ftp://example.com/x", _ => { });
        create.Should().Throw<UsageException>().WithMessage("*not an http(s) URL*");
        EventHooks.Create(" ", null, _ => { }).Should().BeNull();
    }

    [Fact]
    public async Task An_event_is_in_the_outbox_before_Enqueue_returns_and_gone_once_handed_on()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "impact-hooks-" + Guid.NewGuid().ToString("N") + ".jsonl");

        // A kill while the hook is still at work loses nothing: the watch marks the event reported only after Enqueue returned.
        (await OutboxWhileTheHookWorksAsync(outbox, Event)).Should().Equal(Event);

        File.Exists(outbox).Should().BeFalse("every event was handed on");
    }

    /// <summary>
    /// Enqueues <paramref name="json"/> to a webhook that does not answer until the outbox has been read, returns the
    /// outbox's lines as they were then, and ends once the hook has answered.
    /// </summary>
    internal static async Task<string[]> OutboxWhileTheHookWorksAsync(string outbox, string json)
    {
        var release = new TaskCompletionSource<bool>();
        var handler = new ScriptedHandler(async (_, _, token) =>
        {
            await release.Task.WaitAsync(token);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });

        await using var hooks = EventHooks.Create(null, "http://127.0.0.1:9/hook", _ => { }, handler, new[] { TimeSpan.Zero }, outbox);
        hooks!.Enqueue(json);
        var kept = File.Exists(outbox) ? File.ReadAllLines(outbox) : Array.Empty<string>();
        release.SetResult(true);
        return kept;
    }

    [Fact]
    public async Task What_a_killed_watch_left_in_the_outbox_goes_out_when_the_next_starts()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "impact-hooks-" + Guid.NewGuid().ToString("N") + ".jsonl");
        const string Second = "{\"event\":\"failed\",\"key\":\"failed:A-2\"}";
        File.WriteAllLines(outbox, new[] { Event, Second });
        var bodies = new ConcurrentQueue<string>();
        var handler = new ScriptedHandler((request, _) =>
        {
            bodies.Enqueue(request.Content!.ReadAsStringAsync().Result);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });

        await using (EventHooks.Create(null, "http://127.0.0.1:9/hook", _ => { }, handler, new[] { TimeSpan.Zero }, outbox))
        {
        }

        bodies.Should().Equal(Event, Second);
        File.Exists(outbox).Should().BeFalse();
    }
}
