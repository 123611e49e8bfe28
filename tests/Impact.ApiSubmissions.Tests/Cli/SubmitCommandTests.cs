using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

public sealed class SubmitCommandTests : IClassFixture<SharedMockServer>
{
    internal const string Credited =
        "CampaignId=1001&EventTypeId=4100&EventDate=2024-08-01T23:55:24-08:00&OrderId=5500000000001"
        + "&ClickId=cli-click-1&CurrencyCode=EUR&ItemSku1=12345&ItemQuantity1=1&ItemPrice1=19.90";

    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;

    public SubmitCommandTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 3 });
        _server.Conversions.AddReferral("ClickId", "cli-click-1", mediaPartnerId: 10042);
        _cli = CliHarness.For(_server);
    }


    private int Posts => _server.ReceivedRequests.Count(r => r.Method == "POST");

    [Fact]
    public async Task Sends_the_payload_given_as_an_argument_and_prints_the_QueuedUri_and_BatchId()
    {
        var result = await _cli.RunAsync("submit", Credited);

        result.ExitCode.Should().Be(0, result.ToString());
        var queued = _server.Submissions.Last();
        queued.Payload.Should().Be(Credited);
        result.Output.Should().Contain("Queued: " + queued.BatchId).And.Contain("QueuedUri: " + queued.Uri);
        result.Everything.Should().NotContain(_server.AuthToken);
    }

    [Fact]
    public async Task Reads_the_payload_from_a_file_or_from_standard_input()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Credited + "\n");
            (await _cli.RunAsync("submit", "--file", file)).ExitCode.Should().Be(0);
            _server.Submissions.Last().Payload.Should().Be(Credited, "the file's line end is not part of the payload");
        }
        finally
        {
            File.Delete(file);
        }

        _cli.StandardInput = Credited.Replace("5500000000001", "5500000000002") + "\r\n";
        (await _cli.RunAsync("submit", "--file=-")).ExitCode.Should().Be(0);
        _server.Submissions.Last().OrderId.Should().Be("5500000000002");
        _cli.StandardInput = Credited.Replace("5500000000001", "5500000000003");
        (await _cli.RunAsync("submit")).ExitCode.Should().Be(0, "a payload piped in is read without --file");
        _server.Submissions.Last().OrderId.Should().Be("5500000000003");
    }

    [Fact]
    public async Task A_payload_with_problems_lists_every_one_exits_3_and_sends_nothing()
    {
        var result = await _cli.RunAsync("submit", "CampaignId=1001&EventTypeId=4100&EventDate=2024-08-01T23:55:24-08:00&CurrencyCode=EUR");

        result.ExitCode.Should().Be(3, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should()
            .Contain("2 problems, so nothing was sent").And.Contain("OrderId is required").And.Contain("attribution key");
        Posts.Should().Be(0);
    }

    [Fact]
    public async Task Wait_follows_the_new_submission_and_exits_like_wait()
    {
        var ok = await _cli.RunAsync("submit", Credited, "--wait", "--interval", "5ms");
        var failed = await _cli.RunAsync("submit", Credited.Replace("CampaignId=1001", "CampaignId=1999"), "--wait", "--interval", "5ms");

        ok.ExitCode.Should().Be(0, ok.ToString());
        ok.Output.Should().Contain("Processed without errors.");
        failed.ExitCode.Should().Be(3, failed.ToString());
        failed.Output.Should().Contain("CAMPAIGN_NOT_FOUND");
    }

    [Fact]
    public async Task A_bad_wait_option_is_refused_before_the_conversion_is_sent()
    {
        var submit = await _cli.RunAsync("submit", Credited, "--wait", "--interval", "soon");
        var resubmit = await _cli.RunAsync("resubmit", _server.Submissions.First().BatchId!, "--set", "CampaignId=1001", "--yes", "--wait", "--interval", "soon");

        submit.ExitCode.Should().Be(1, submit.ToString());
        submit.ErrorLines.Should().ContainSingle().Which.Should().Contain("--interval");
        resubmit.ExitCode.Should().Be(1, resubmit.ToString());
        Posts.Should().Be(0, "a typo in a --wait option must not leave a conversion queued behind an error");
    }

    [Fact]
    public async Task Two_sources_or_none_are_a_usage_error()
    {
        (await _cli.RunAsync("submit", Credited, "--file", "x.txt")).ExitCode.Should().Be(1);
        var none = await _cli.RunAsync("submit");
        none.ExitCode.Should().Be(1);
        none.ErrorLines.Should().ContainSingle().Which.Should().Contain("Which conversion?");
        (await _cli.RunAsync("submit", "--file", "/no/such/file.txt")).ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: Cannot read --file");
        Posts.Should().Be(0);
    }

    [Fact]
    public async Task Demo_sends_a_sample_conversion_that_completes_without_errors()
    {
        var result = await new CliHarness().RunAsync("submit", "--demo", "--wait", "--interval", "5ms");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Queued: A-").And.Contain("Processed without errors.");
    }
}
