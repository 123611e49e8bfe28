using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>User mistakes and service refusals: one clear line on stderr, a non-zero exit code, no stack trace, never the token.</summary>
public sealed class ErrorHandlingTests : IClassFixture<SharedMockServer>
{
    private const string WrongToken = "wrong-token-d7c1e0a9b8";
    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;

    public ErrorHandlingTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 2, SubmissionCount = 5 });
        _cli = CliHarness.For(_server);
    }


    [Fact]
    public async Task Missing_credentials_say_which_variables_to_set_and_mention_demo()
    {
        var result = await new CliHarness().RunAsync("list");

        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal(
            "error: No credentials: set IMPACT_ACCOUNT_SID and IMPACT_AUTH_TOKEN (or pass --account-sid and --auth-token), or add --demo to try the built-in mock of impact.com.");
    }

    [Fact]
    public async Task A_missing_token_is_named()
    {
        _cli.Variables.Remove("IMPACT_AUTH_TOKEN");

        var result = await _cli.RunAsync("list");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal("error: No Auth Token: set IMPACT_AUTH_TOKEN or pass --auth-token (Settings > API in impact.com).");
    }

    [Fact]
    public async Task Options_override_the_environment()
    {
        _cli.Variables["IMPACT_AUTH_TOKEN"] = WrongToken;

        var result = await _cli.RunAsync("list", "--auth-token", _server.AuthToken, "--account-sid", _server.AccountSid, "--base-url", _server.BaseUrl, "--max", "1");

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Theory]
    [InlineData(new[] { "list", "--since", "yesterday" }, "error: --since 'yesterday' is not a date: use a date (2024-08-01), a date and time (2024-08-01T09:30:00-07:00, offset optional) or an age (90m, 12h, 7d).")]
    [InlineData(new[] { "list", "--until", "2024-13-01" }, "error: --until '2024-13-01' is not a date: use a date (2024-08-01), a date and time (2024-08-01T09:30:00-07:00, offset optional) or an age (90m, 12h, 7d).")]
    [InlineData(new[] { "list", "--since", "2024-08-03", "--until", "2024-08-01" }, "error: --since '2024-08-03' is not before --until '2024-08-01': nothing could match.")]
    [InlineData(new[] { "list", "--error-reason", "CONTRACT_NOTFOUND" }, "error: Unknown error reason 'CONTRACT_NOTFOUND' for --error-reason: did you mean CONTRACT_NOT_FOUND?")]
    [InlineData(new[] { "list", "--campaign", "acme" }, "error: --campaign 'acme' is not a program id: use the number, e.g. 1000.")]
    [InlineData(new[] { "list", "--max", "0" }, "error: --max '0' is not a whole number of at least 1.")]
    [InlineData(new[] { "list", "--page-size", "0" }, "error: --page-size '0' is not a whole number of at least 1.")]
    [InlineData(new[] { "list", "--format", "xml" }, "error: Unknown format 'xml' for --format: use table, json, jsonl or csv.")]
    [InlineData(new[] { "get", "A-1", "--format", "csv" }, "error: Unknown format 'csv' for --format: use table or json.")]
    [InlineData(new[] { "list", "--bogus" }, "error: Unknown option 'bogus'. See --help.")]
    [InlineData(new[] { "lst" }, "error: Unknown command 'lst'. See --help.")]
    [InlineData(new[] { "get", "/Advertisers/x/Other/1" }, "error: '/Advertisers/x/Other/1' is neither a BatchId nor a submission's QueuedUri (/Advertisers/<AccountSID>/APISubmissions/<BatchId>).")]
    public async Task A_user_mistake_is_one_line_and_exit_code_1_before_any_request(string[] args, string line)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal(line);
        _server.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_status_or_type_names_the_values_the_spec_gives()
    {
        var status = await _cli.RunAsync("list", "--status", "Done");
        var type = await _cli.RunAsync("list", "--type", "Sale");

        status.ExitCode.Should().Be(1, status.ToString());
        status.ErrorLines.Should().Equal($"error: Unknown status 'Done' for --status: use one of {string.Join(", ", SubmissionStatus.KnownValues)}.");
        type.ExitCode.Should().Be(1, type.ToString());
        type.ErrorLines.Should().Equal($"error: Unknown type 'Sale' for --type: use one of {string.Join(", ", SubmissionType.KnownValues)}.");
        _server.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Status_and_type_help_lists_the_values_the_spec_gives()
    {
        var result = await _cli.RunAsync("list", "--help");
        var quoted = (object v) => v.ToString()!.Contains(' ') ? $"\"{v}\"" : v.ToString();

        result.ExitCode.Should().Be(0, result.ToString());
        var help = string.Join(" ", result.Output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        help.Should().Contain("Only this status: " + string.Join(", ", SubmissionStatus.KnownValues.Select(v => quoted(v))) + ".");
        help.Should().Contain("Only this type: " + string.Join(", ", SubmissionType.KnownValues.Select(v => quoted(v))) + ".");
    }

    [Theory]
    [InlineData("http://127.0.0.1:")]
    [InlineData("http://127.0.0.1:/")]
    [InlineData("https://[::1]:/api")]
    public async Task A_base_url_with_a_colon_and_no_port_is_a_usage_error_not_port_80(string url)
    {
        _cli.Variables["IMPACT_BASE_URL"] = url;

        var result = await _cli.RunAsync("list");

        result.ExitCode.Should().Be(1, result.ToString());
        result.ErrorLines.Should().Equal($"error: The base URL '{url}' has no port after the colon: give one (e.g. http://127.0.0.1:8080) or drop the colon.");
        _server.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_base_url_that_is_not_a_url_is_a_usage_error()
    {
        _cli.Variables["IMPACT_BASE_URL"] = "api.impact.com";

        var result = await _cli.RunAsync("list");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal("error: The base URL 'api.impact.com' is not an http(s) address, e.g. https://api.impact.com.");
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused_before_sending_the_credentials()
    {
        _cli.Variables["IMPACT_BASE_URL"] = "http://api.example.com";

        var result = await _cli.RunAsync("get", "A-1");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("credentials would travel in clear");
    }

    [Fact]
    public async Task A_401_says_to_check_the_credentials_and_never_shows_the_token()
    {
        _cli.Variables["IMPACT_AUTH_TOKEN"] = WrongToken;

        var result = await _cli.RunAsync("list");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: impact.com refused the credentials (401): check the Account SID and Auth Token");
        result.Everything.Should().NotContain(WrongToken);
    }

    [Fact]
    public async Task A_403_names_the_token_scope()
    {
        _server.UseScopedTokenMode();

        var result = await _cli.RunAsync("get", "A-anything");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: impact.com refused access (403)").And.Contain("scope");
    }

    [Fact]
    public async Task A_429_says_when_the_window_resets()
    {
        _server.RateLimitAfter(0, TimeSpan.FromHours(1));

        var result = await _cli.RunAsync("errors");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: impact.com's rate limit is used up (429): the window resets in");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_failure_is_exit_code_2(HttpStatusCode status)
    {
        _server.FailNext(1, status);

        var result = await _cli.RunAsync("list", "--format", "json");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"error: impact.com failed to answer ({(int)status}");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task A_listing_that_fails_at_once_leaves_standard_output_empty(string format)
    {
        _server.FailNext(1, HttpStatusCode.BadGateway);

        var result = await _cli.RunAsync("list", "--format", format);

        result.ExitCode.Should().Be(2);
        result.RawOutput.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unreachable_host_is_exit_code_2_in_one_line()
    {
        _cli.Variables["IMPACT_BASE_URL"] = "http://127.0.0.1:1";

        var result = await _cli.RunAsync("get", "A-1");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: Could not reach impact.com: ");
    }

    [Fact]
    public void A_request_timeout_is_a_service_failure_and_a_bug_says_how_to_learn_more()
    {
        ErrorReporter.Describe(new TimeoutException("impact.com did not answer GET /x in time."), CancellationToken.None)
            .Should().Be((2, "impact.com did not answer GET /x in time."));
        ErrorReporter.Describe(new InvalidCastException("Boom."), CancellationToken.None)
            .Should().Be((2, "Unexpected InvalidCastException: Boom. Run again with --verbose for details."));
    }

    [Fact]
    public async Task An_unreadable_answer_is_exit_code_2_in_one_line()
    {
        _server.ServeMalformedBodies();

        var result = await _cli.RunAsync("get", _server.Submissions[0].BatchId!);

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: impact.com answered 200");
        result.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Verbose_adds_the_requests_and_the_details_but_still_never_the_token()
    {
        var result = await _cli.RunAsync("get", "A-missing", "--auth-token", WrongToken, "--verbose");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().Contain(l => l.StartsWith("  GET /Advertisers/" + _server.AccountSid + "/APISubmissions/A-missing -> 401", StringComparison.Ordinal));
        result.ErrorLines.Should().ContainSingle(l => l.StartsWith("error: ", StringComparison.Ordinal))
            .Which.Should().StartWith("error: impact.com refused the credentials (401): check the Account SID and Auth Token");
        result.ErrorLines.Should().NotContain(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains("error: ", StringComparison.Ordinal), "the one error line is not repeated among the details");
        result.ErrorLines.Should().Contain("  HTTP status: 401");
        result.ErrorLines.Should().Contain(l => l.Contains("Impact.ApiSubmissions.ImpactApiException", StringComparison.Ordinal));
        result.Everything.Should().NotContain(WrongToken);
    }

    [Fact]
    public async Task Ctrl_C_stops_with_exit_code_130()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        _cli.Cancellation = cancellation.Token;

        var result = await _cli.RunAsync("list");

        result.ExitCode.Should().Be(130);
        result.ErrorLines.Should().Equal("Cancelled.");
    }

    [Fact]
    public async Task Help_explains_credentials_demo_mode_and_exit_codes()
    {
        var result = await new CliHarness().RunAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should()
            .Contain("list --demo")
            .And.Contain("Set IMPACT_ACCOUNT_SID and IMPACT_AUTH_TOKEN")
            .And.Contain("--demo runs any command against a built-in mock of impact.com")
            .And.Contain("1  a mistake on the command line")
            .And.Contain("2  impact.com refused or failed")
            .And.Contain("3  wait: the submission completed with errors")
            .And.Contain("4  wait: still being processed when --timeout ran out");
    }

    [Theory]
    [InlineData("list")]
    [InlineData("get")]
    [InlineData("wait")]
    [InlineData("errors")]
    public async Task Each_command_documents_its_credentials_options(string command)
    {
        var result = await new CliHarness().RunAsync(command, "--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("--account-sid <SID>").And.Contain("$IMPACT_ACCOUNT_SID").And.Contain("$IMPACT_AUTH_TOKEN").And.Contain("--demo");
    }
}
