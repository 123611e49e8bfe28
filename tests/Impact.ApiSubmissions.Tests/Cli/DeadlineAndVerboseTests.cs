using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using System.IO;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Commands;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Cli.Output;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary><c>--timeout</c> on every command that calls impact.com, and <c>--verbose</c> attempt lines as they happen.</summary>
public sealed class DeadlineAndVerboseTests : IDisposable
{
    // Accepts connections and never answers: a server that hangs.
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);

    public DeadlineAndVerboseTests() => _silent.Start();

    public void Dispose() => _silent.Stop();

    private string SilentUrl => $"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}";

    // The oracle for "which deadline ended the call": no request deadline of the SDK can end a call within 300 ms
    // (its defaults are 100 s an attempt, 5 min a request), so the command's --timeout is the only one that can.
    [Theory]
    [InlineData("", "get", "A-1")]
    [InlineData(", or narrow the listing (--since, --max)", "list")]
    [InlineData(", or narrow the listing (--since, --max)", "errors")]
    public async Task A_server_that_never_answers_ends_at_the_commands_timeout_with_each_attempt_logged_as_it_starts_and_ends(string advice, params string[] command)
    {
        var cli = Silent();

        var result = await cli.RunAsync(command.Concat(new[] { "--timeout", "300ms", "--verbose" }).ToArray());

        result.ExitCode.Should().Be(2, result.ToString());
        result.ErrorLines.Should().ContainSingle(l => l.StartsWith("error: ", StringComparison.Ordinal), result.ToString()).Which
            .Should().Be($"error: impact.com did not finish answering within --timeout 300ms: give a longer --timeout{advice}.");
        var started = result.ErrorLines.Should().ContainSingle(l => l.Contains("-> started (", StringComparison.Ordinal), result.ToString()).Which;
        started.Should().Contain("GET /Advertisers/IRsid1/APISubmissions").And.Contain("the command after --timeout 300ms");
        var ended = result.ErrorLines.Should().ContainSingle(l => l.Contains("(attempt 1, ", StringComparison.Ordinal), result.ToString()).Which;
        ended.Should().Contain("GET /Advertisers/IRsid1/APISubmissions").And.Contain("no answer: timed out or cancelled");
        result.ErrorLines.ToList().IndexOf(started).Should().BeLessThan(result.ErrorLines.ToList().IndexOf(ended), "the start is logged when the attempt starts");
        result.Error.Should().NotContain("secret-token-1");
    }

    [Theory]
    [InlineData(".", "get", "A-1")]
    [InlineData(", or narrow the listing (--since, --max).", "list")]
    [InlineData(", or read the file's failed lines in smaller pages (--page-size).", "ftp", "errors", "F-1")]
    public async Task An_attempt_timeout_of_the_sdk_ends_the_command_with_advice_for_that_command(string advice, params string[] command)
    {
        var cli = Silent();
        cli.AttemptTimeout = TimeSpan.FromMilliseconds(200);

        var result = await cli.RunAsync(command);

        result.ExitCode.Should().Be(2, result.ToString());
        var line = result.ErrorLines.Should().ContainSingle().Which;
        line.Should().Contain("attempt timeout 0.2 s").And.EndWith("impact.com is slow or out of reach: try again later" + advice);
        if (command[0] == "get")
        {
            line.Should().NotContain("--since").And.NotContain("--max");
        }
    }

    [Fact]
    public async Task A_conversion_whose_answer_never_comes_says_it_may_have_been_queued_not_to_try_again()
    {
        var cli = Silent();

        var result = await cli.RunAsync("submit", SubmitCommandTests.Credited, "--timeout", "300ms");

        result.ExitCode.Should().Be(2, result.ToString());
        result.ErrorLines.Should().Equal(
            "error: impact.com did not finish answering within --timeout 300ms: give a longer --timeout; the conversion may have been queued all the same: "
            + "look for it ('impact-submissions list --since 1h') before sending it again.");
    }

    [Fact]
    public async Task A_wait_on_a_silent_server_ends_at_its_own_timeout_with_exit_code_4()
    {
        var cli = Silent();

        var result = await cli.RunAsync("wait", "A-1", "--timeout", "300ms", "--verbose");

        result.ExitCode.Should().Be(4, result.ToString());
        result.ErrorLines.Should().Contain("error: Gave up after 300 ms: submission 'A-1' is not seen yet (0 polls). impact.com may need longer: run wait again, or give a longer --timeout.");
        result.ErrorLines.Should().Contain(l => l.Contains("(attempt 1, ", StringComparison.Ordinal) && l.Contains("no answer", StringComparison.Ordinal));

        // The cause, by construction: each poll keeps the SDK's own deadlines, far beyond the wait's, so only the wait's can end it.
        var retry = new ApiSubmissionsRetryOptions();
        result.ErrorLines.Should().Contain(l => l.EndsWith(
            $"-> started (each attempt gives up after {Display.Duration(retry.AttemptTimeout!.Value)}, a request after {Display.Duration(retry.OverallTimeout!.Value)} with its retries, the wait after 300 ms)",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_terminal_an_unanswered_request_says_what_it_waits_for_and_how_long()
    {
        var cli = Silent();
        cli.ErrorTerminal = true;
        cli.WaitingNoticeAfter = TimeSpan.Zero;
        var redirected = Silent();
        redirected.WaitingNoticeAfter = TimeSpan.Zero;

        var shown = await cli.RunAsync("get", "A-1", "--timeout", "300ms");
        var hidden = await redirected.RunAsync("get", "A-1", "--timeout", "300ms");

        var retry = new ApiSubmissionsRetryOptions();
        shown.ErrorLines.Should().Contain(
            "Waiting for impact.com to answer GET /Advertisers/IRsid1/APISubmissions/A-1: "
            + $"each attempt gives up after {Display.Duration(retry.AttemptTimeout!.Value)}, a request after {Display.Duration(retry.OverallTimeout!.Value)} with its retries, "
            + "the command after --timeout 300ms. Ctrl+C stops.",
            shown.ToString());
        hidden.ErrorLines.Should().NotContain(l => l.StartsWith("Waiting for", StringComparison.Ordinal), "stderr is not a terminal");
        new CliEnvironment { Out = Spectre.Console.AnsiConsole.Console, RawOut = TextWriter.Null, Error = TextWriter.Null }
            .WaitingNoticeAfter.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5), "a terminal hears within 5 s that the tool waits");
    }

    [Fact]
    public async Task On_a_terminal_the_notice_comes_when_the_default_delay_has_passed_on_the_tools_clock()
    {
        var clock = new MockServer.ManualTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        using var ctrlC = new CancellationTokenSource();
        var cli = Silent();
        cli.ErrorTerminal = true;
        cli.WaitingNoticeAfter = new CliEnvironment { Out = Spectre.Console.AnsiConsole.Console, RawOut = TextWriter.Null, Error = TextWriter.Null }.WaitingNoticeAfter;
        cli.Clock = clock;
        cli.Cancellation = ctrlC.Token;

        var running = cli.RunAsync("get", "A-1");
        await clock.WaitForTimersAsync(1);
        clock.Scheduled.Should().Equal(new[] { TimeSpan.FromSeconds(2) }, "the notice is due 2 s after the attempt starts, within the 5 s a user waits");
        clock.Advance(TimeSpan.FromSeconds(2));
        ctrlC.Cancel();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        result.ExitCode.Should().Be(130, result.ToString());
        result.ErrorLines.Should().Contain(l => l.StartsWith("Waiting for impact.com to answer GET /Advertisers/IRsid1/APISubmissions/A-1: each attempt gives up after ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_states_the_default_deadlines()
    {
        var retry = new ApiSubmissionsRetryOptions();

        var help = await new CliHarness().RunAsync("get", "--help");

        var text = string.Join(" ", help.Output.Split('\n').Select(l => l.Trim()));
        text.Should().Contain($"each request to impact.com gives up after {Display.Duration(retry.OverallTimeout!.Value)} with its retries ({retry.MaxRetries})")
            .And.Contain($"each attempt after {Display.Duration(retry.AttemptTimeout!.Value)}")
            .And.Contain($"wait: {Display.Duration(WaitTiming.DefaultTimeout)}");
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("--verbose")]
    public async Task Short_v_is_verbose_after_any_command(string flag)
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 3 });
        var cli = CliHarness.For(server);

        var result = await cli.RunAsync("get", server.Submissions[0].BatchId!, flag);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain(server.Submissions[0].BatchId!);
        result.ErrorLines.Should().Contain(l => l.Contains("-> started (", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("-> 200 (attempt 1, ", StringComparison.Ordinal));
        result.RawOutput.Should().NotMatchRegex(@"^\d+\.\d+\.\d+");
    }

    private CliHarness Silent()
    {
        var cli = new CliHarness { MaxRetries = 0 };
        cli.Variables["IMPACT_ACCOUNT_SID"] = "IRsid1";
        cli.Variables["IMPACT_AUTH_TOKEN"] = "secret-token-1";
        cli.Variables["IMPACT_BASE_URL"] = SilentUrl;
        return cli;
    }

    [Fact]
    public async Task Verbose_logs_retried_attempts_with_their_status_and_elapsed_time()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 3 });
        var cli = CliHarness.For(server);
        cli.MaxRetries = 2;
        server.FailNext(1);

        var result = await cli.RunAsync("get", server.Submissions[0].BatchId!, "--verbose");

        result.ExitCode.Should().Be(0, result.ToString());
        var attempts = result.ErrorLines.Where(l => l.Contains("(attempt ", StringComparison.Ordinal)).ToList();
        attempts.Should().HaveCount(2);
        attempts[0].Should().MatchRegex(@"-> 503 \(attempt 1, \d+ ms\)$");
        attempts[1].Should().MatchRegex(@"-> 200 \(attempt 2, \d+ ms\)$");
    }

    [Fact]
    public async Task A_listing_that_outlasts_the_timeout_stops_with_exit_code_2()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 30 });
        server.SetLatency(TimeSpan.FromMilliseconds(150));
        var cli = CliHarness.For(server);

        var result = await cli.RunAsync("list", "--page-size", "1", "--timeout", "500ms", "--format", "json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().Be("error: impact.com did not finish answering within --timeout 500ms: give a longer --timeout, or narrow the listing (--since, --max).");
    }

    [Fact]
    public async Task Ctrl_c_during_a_wait_says_where_the_submission_stood()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1 });
        server.AddProgressingSubmission(new ApiSubmissionBuilder().WithBatchId("A-long-wait"), getsPerStatus: 1_000_000);
        using var ctrlC = new CancellationTokenSource();
        var cli = CliHarness.For(server);
        cli.Cancellation = ctrlC.Token;
        ctrlC.CancelAfter(TimeSpan.FromMilliseconds(300));

        var result = await cli.RunAsync("wait", "A-long-wait", "--interval", "20ms", "--max-interval", "20ms");

        result.ExitCode.Should().Be(130, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().Be("Cancelled: submission 'A-long-wait' was still Queued when the wait stopped. Run 'impact-submissions wait A-long-wait' to go on waiting.");
    }
}
