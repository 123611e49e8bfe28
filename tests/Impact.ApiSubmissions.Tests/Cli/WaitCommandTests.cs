using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

public sealed class WaitCommandTests : IClassFixture<SharedMockServer>
{
    private static readonly string[] Fast = { "--interval", "5ms", "--max-interval", "10ms" };
    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;

    public WaitCommandTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 3 });
        _cli = CliHarness.For(_server);
    }


    [Fact]
    public async Task Shows_each_status_change_and_exits_0_when_complete_without_errors()
    {
        var submission = _server.AddProgressingSubmission(new ApiSubmissionBuilder().WithBatchId("A-wait-ok"), getsPerStatus: 2);

        var result = await _cli.RunAsync(new[] { "wait", submission.BatchId! }.Concat(Fast).ToArray());

        result.ExitCode.Should().Be(0, result.ToString());
        var changes = result.Output.Split('\n').Where(l => l.Length > 10 && l[2] == ':' && l[5] == ':').Select(l => l[10..].Trim()).ToList();
        changes.Should().Equal("Queued", "In Progress", "Complete");
        result.Output.Should().Contain("Processed without errors.");
    }

    [Fact]
    public async Task Exits_3_when_complete_with_errors_and_explains_them()
    {
        _server.AddProgressingSubmission(new ApiSubmissionBuilder().WithBatchId("A-wait-failed").WithErrors("Validation", "OID_MISSING"));

        var result = await _cli.RunAsync(new[] { "wait", "A-wait-failed" }.Concat(Fast).ToArray());

        result.ExitCode.Should().Be(3, result.ToString());
        result.Output.Should().Contain("Processed with errors: Validation: OID_MISSING.").And.Contain("The OrderId is required and was not sent.");
    }

    [Fact]
    public async Task Accepts_the_QueuedUri()
    {
        var submission = _server.AddProgressingSubmission(new ApiSubmissionBuilder().WithBatchId("A-wait-uri"));

        var result = await _cli.RunAsync(new[] { "wait", submission.Uri! }.Concat(Fast).ToArray());

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Exits_4_on_timeout_with_the_last_status()
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-stuck").WithStatus(SubmissionStatus.InProgress).WithCompletionDate(null).WithoutErrors());

        var result = await _cli.RunAsync(new[] { "wait", "A-stuck", "--timeout", "1s" }.Concat(Fast).ToArray());

        result.ExitCode.Should().Be(4, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith("error: Gave up after 1 s: submission 'A-stuck' is still In Progress (")
            .And.EndWith("polls). impact.com may need longer: run wait again, or give a longer --timeout.");
    }

    [Fact]
    public async Task An_unknown_BatchId_exits_2()
    {
        var result = await _cli.RunAsync(new[] { "wait", "A-nobody" }.Concat(Fast).ToArray());

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("(404)");
    }

    [Theory]
    [InlineData("--interval", "soon", "error: --interval 'soon' is not a duration: use a positive number with a unit, e.g. 500ms, 2s, 5m, 1h.")]
    [InlineData("--timeout", "-1s", "error: --timeout '-1s' is not a duration: use a positive number with a unit, e.g. 500ms, 2s, 5m, 1h.")]
    public async Task A_bad_duration_is_a_usage_error(string option, string value, string message)
    {
        var result = await _cli.RunAsync("wait", "A-x", option, value);

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal(message);
    }

    [Fact]
    public async Task Demo_mode_without_a_BatchId_follows_a_submission_to_completion()
    {
        var result = await new CliHarness().RunAsync(new[] { "wait", "--demo" }.Concat(Fast).ToArray());

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Demo: a submission that goes Queued, In Progress, Complete").And.Contain("In Progress").And.Contain("Processed without errors.");
    }
}
