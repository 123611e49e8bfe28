using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
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

    [Theory]
    [InlineData("get", "A-1")]
    [InlineData("list")]
    [InlineData("errors")]
    public async Task A_server_that_never_answers_ends_at_the_timeout_with_each_attempt_logged(params string[] command)
    {
        var cli = new CliHarness { MaxRetries = 0 };
        cli.Variables["IMPACT_ACCOUNT_SID"] = "IRsid1";
        cli.Variables["IMPACT_AUTH_TOKEN"] = "secret-token-1";
        cli.Variables["IMPACT_BASE_URL"] = SilentUrl;

        var result = await cli.RunAsync(command.Concat(new[] { "--timeout", "300ms", "--verbose" }).ToArray());

        result.ExitCode.Should().Be(2, result.ToString());
        var attempt = result.ErrorLines.Should().Contain(l => l.Contains("(attempt 1, ", StringComparison.Ordinal), result.ToString()).Which;
        attempt.Should().Contain("GET /Advertisers/IRsid1/APISubmissions").And.Contain("no answer: timed out");
        var elapsed = int.Parse(System.Text.RegularExpressions.Regex.Match(attempt, @"attempt 1, (\d+) ms").Groups[1].Value);
        elapsed.Should().BeGreaterThanOrEqualTo(250, "the attempt lasted until the deadline");
        result.Error.Should().NotContain("secret-token-1");
    }

    [Fact]
    public async Task A_wait_on_a_silent_server_ends_at_its_timeout_with_exit_code_4()
    {
        var cli = new CliHarness();
        cli.Variables["IMPACT_ACCOUNT_SID"] = "IRsid1";
        cli.Variables["IMPACT_AUTH_TOKEN"] = "secret-token-1";
        cli.Variables["IMPACT_BASE_URL"] = SilentUrl;

        var result = await cli.RunAsync("wait", "A-1", "--timeout", "300ms", "--verbose");

        result.ExitCode.Should().BeOneOf(new[] { 2, 4 }, result.ToString());
        result.ErrorLines.Should().Contain(l => l.Contains("(attempt 1, ", StringComparison.Ordinal) && l.Contains("no answer", StringComparison.Ordinal));
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
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("--timeout 500ms");
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
