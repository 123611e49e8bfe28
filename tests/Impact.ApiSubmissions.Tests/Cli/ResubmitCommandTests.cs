using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

public sealed class ResubmitCommandTests : IClassFixture<SharedMockServer>, IDisposable
{
    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;
    private readonly string _folder = Directory.CreateTempSubdirectory("resubmit-").FullName;

    public ResubmitCommandTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 3 });
        _server.Conversions.AddReferral("ClickId", "cli-click-1", mediaPartnerId: 10042);
        _cli = CliHarness.For(_server);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    private int Posts => _server.ReceivedRequests.Count(r => r.Method == "POST");

    [Fact]
    public async Task List_find_the_failed_conversion_fix_it_resubmit_and_wait_completes_without_errors()
    {
        // A conversion sent to a program that does not exist.
        var sent = await _cli.RunAsync("submit", SubmitCommandTests.Credited.Replace("CampaignId=1001", "CampaignId=1999"), "--wait", "--interval", "5ms");
        sent.ExitCode.Should().Be(3, sent.ToString());

        var listed = await _cli.RunAsync("list", "--errors-only", "--error-reason", "CAMPAIGN_NOT_FOUND", "--format", "json");
        listed.ExitCode.Should().Be(0, listed.ToString());
        var failed = JArray.Parse(listed.RawOutput).Single(s => (string?)s["OrderId"] == "5500000000001");
        var batchId = (string)failed["BatchId"]!;

        var dryRun = await _cli.RunAsync("resubmit", batchId, "--set", "CampaignId=1001");
        dryRun.ExitCode.Should().Be(0, dryRun.ToString());
        dryRun.Output.Should().Contain("~ CampaignId: 1999 -> 1001").And.Contain("Check: no problems.").And.Contain("Dry run: nothing was sent.");
        Posts.Should().Be(1, "a dry run sends nothing");

        var fixedRun = await _cli.RunAsync("resubmit", batchId, "--set", "CampaignId=1001", "--yes", "--wait", "--interval", "5ms");

        fixedRun.ExitCode.Should().Be(0, fixedRun.ToString());
        var resent = _server.Submissions.Last();
        resent.BatchId.Should().NotBe(batchId);
        fixedRun.Output.Should().Contain("Queued: " + resent.BatchId).And.Contain("Processed without errors.");
        (resent.CampaignId, resent.MediaPartnerId, resent.HasErrors).Should().Be((1001L, 10042L, false));
    }

    [Fact]
    public async Task An_edit_that_breaks_the_payload_shows_the_diff_and_every_problem_exits_3_and_sends_nothing()
    {
        _server.Add(Failed("A-cli-broken", "5500000000011"));

        var result = await _cli.RunAsync("resubmit", "A-cli-broken", "--remove", "ClickId", "--set", "ItemSubTotal1=19.90", "--yes");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Output.Should().Contain("- ClickId (was cli-click-1)").And.Contain("+ ItemSubTotal1 = 19.90").And.Contain("Check: 2 problems:");
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("2 problems, so nothing was sent");
        Posts.Should().Be(0);
    }

    [Fact]
    public async Task Removing_a_key_the_payload_does_not_have_says_so_and_names_a_key_that_differs_only_in_case()
    {
        _server.Add(Failed("A-cli-no-promo", "5500000000012"));

        var absent = await _cli.RunAsync("resubmit", "A-cli-no-promo", "--remove", "PromoCode", "--set", "CampaignId=1001");
        var otherCase = await _cli.RunAsync("resubmit", "A-cli-no-promo", "--remove", "clickid", "--set", "CampaignId=1001");
        var batch = await _cli.RunAsync("resubmit", "--errors-only", "--error-reason", "CAMPAIGN_NOT_FOUND", "--campaign", "1999", "--remove", "PromoCode", "--set", "CampaignId=1001");

        absent.ExitCode.Should().Be(0, absent.ToString());
        absent.ErrorLines.Should().Equal("warning: --remove PromoCode: the payload has no PromoCode, so nothing was removed.");
        otherCase.ErrorLines.Should().Equal("warning: --remove clickid: the payload has no clickid (it has ClickId; keys are case-sensitive), so nothing was removed.");
        batch.ExitCode.Should().Be(0, batch.ToString());
        batch.ErrorLines.Should().Equal("warning: --remove PromoCode: 1 payload had no PromoCode, so nothing was removed from it.");
        Posts.Should().Be(0, "all three were dry runs");
    }

    [Fact]
    public async Task A_batch_resubmits_every_match_and_writes_a_report_with_the_new_BatchIds()
    {
        _server.Add(Failed("A-cli-batch-1", "5500000000021"));
        _server.Add(Failed("A-cli-batch-2", "5500000000022"));
        var report = Path.Combine(_folder, "report.csv");

        var result = await _cli.RunAsync("resubmit", "--errors-only", "--error-reason", "CAMPAIGN_NOT_FOUND", "--campaign", "1999", "--set", "CampaignId=1001", "--yes", "--report", report);

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = File.ReadAllLines(report);
        lines[0].Should().Be("OldBatchId,NewBatchId,Outcome,Detail");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        rows.Select(r => (r[0], r[2])).Should().Equal(("A-cli-batch-1", "queued"), ("A-cli-batch-2", "queued"));
        rows.Select(r => r[1]).Should().Equal(_server.Submissions.TakeLast(2).Select(s => s.BatchId));
        Directory.GetFiles(_folder).Should().ContainSingle("the temporary file was moved into place");
        result.Output.Should().Contain("2 queued.");
    }

    [Fact]
    public async Task A_batch_on_a_terminal_shows_its_progress_and_still_prints_every_row()
    {
        _server.Add(Failed("A-cli-live-1", "5500000000051"));
        _cli.LiveTerminal = true;

        var result = await _cli.RunAsync("resubmit", "--campaign", "1999", "--set", "CampaignId=1001", "--yes");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("A-cli-live-1 -> ").And.Contain("1 queued.").And.Contain("resubmitted 1 of 1", "the bar was drawn");
    }

    [Fact]
    public async Task A_batch_stopped_part_way_still_reports_what_it_queued()
    {
        _server.Add(Failed("A-cli-stop-1", "5500000000061"));
        _server.Add(Failed("A-cli-stop-2", "5500000000062"));
        _server.Add(Failed("A-cli-stop-3", "5500000000063"));
        _server.SetLatency(TimeSpan.FromMilliseconds(500));
        var report = Path.Combine(_folder, "stopped.json");
        using var ctrlC = new CancellationTokenSource();
        _cli.Cancellation = ctrlC.Token;
        // Ctrl+C while the second POST is on its way: the listing and the first POST were answered by then.
        var pressed = Task.Run(async () =>
        {
            while (_server.RequestCount < 3)
            {
                await Task.Delay(5);
            }

            ctrlC.Cancel();
        });

        var result = await _cli.RunAsync("resubmit", "--campaign", "1999", "--set", "CampaignId=1001", "--yes", "--report", report);
        await pressed;

        result.ExitCode.Should().Be(130, result.ToString());
        var rows = JArray.Parse(File.ReadAllText(report));
        rows.Select(r => ((string)r["OldBatchId"]!, (string)r["Outcome"]!)).Should().Equal(("A-cli-stop-1", "queued"));
        Directory.GetFiles(_folder).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public async Task A_batch_dry_run_sends_nothing_and_its_json_report_holds_strings_only()
    {
        _server.Add(Failed("A-cli-dry-1", "5500000000031"));
        _server.Add(Failed("A-cli-dry-2", "5500000000032").WithPayload("CampaignId=1999&EventTypeId=4100"));
        var report = Path.Combine(_folder, "dry.json");

        var result = await _cli.RunAsync("resubmit", "--campaign", "1999", "--set", "CampaignId=1001", "--report", report);

        result.ExitCode.Should().Be(3, "one payload has problems: " + result);
        Posts.Should().Be(0);
        var rows = JArray.Parse(File.ReadAllText(report));
        rows.SelectMany(r => ((JObject)r).Properties()).Should().OnlyContain(p => p.Value.Type == JTokenType.String);
        rows.Select(r => ((string)r["OldBatchId"]!, (string)r["Outcome"]!)).Should().Equal(("A-cli-dry-1", "dry-run"), ("A-cli-dry-2", "invalid"));
        ((string)rows[1]["Detail"]!).Should().Contain("OrderId").And.Contain("EventDate");
        result.Output.Should().Contain("Dry run: nothing was sent.");
    }

    [Fact]
    public async Task A_batch_paces_itself_by_the_rate_limit_headers_instead_of_meeting_a_429()
    {
        _server.Add(Failed("A-cli-paced-1", "5500000000041"));
        _server.Add(Failed("A-cli-paced-2", "5500000000042"));
        // The listing and the first POST use the window up; the second POST must wait for the reset (retries are off).
        _server.RateLimitAfter(2, TimeSpan.FromSeconds(2));

        var result = await _cli.RunAsync("resubmit", "--campaign", "1999", "--set", "CampaignId=1001", "--yes");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("2 queued.");
        result.Error.Should().Contain("Rate limit used up: waiting");
        _server.ReceivedRequests.Should().NotContain(r => r.StatusCode == 429);
    }

    [Theory]
    [InlineData("resubmit")]
    [InlineData("resubmit", "A-1", "--campaign", "1000")]
    [InlineData("resubmit", "A-1", "--set", "CampaignId")]
    [InlineData("resubmit", "A-1", "--set", "CampaignId=1", "--remove", "CampaignId")]
    [InlineData("resubmit", "--errors-only", "--report", "out.txt")]
    [InlineData("resubmit", "--errors-only", "--report", "/no/such/folder/out.json")]
    [InlineData("resubmit", "--errors-only", "--wait")]
    [InlineData("resubmit", "A-1", "--report", "out.json")]
    public async Task Mistakes_on_the_command_line_exit_1_before_any_request(params string[] args)
    {
        int before = _server.ReceivedRequests.Count;

        var result = await _cli.RunAsync(args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: ");
        _server.ReceivedRequests.Should().HaveCount(before);
    }

    [Fact]
    public async Task Demo_resubmits_its_failed_conversions_once_fixed()
    {
        var single = await new CliHarness().RunAsync("resubmit", "--demo", "--set", "CampaignId=1001", "--yes", "--wait", "--interval", "5ms");
        var batch = await new CliHarness().RunAsync("resubmit", "--demo", "--error-reason", "CAMPAIGN_NOT_FOUND", "--campaign", "1099", "--set", "CampaignId=1001", "--yes");

        single.ExitCode.Should().Be(0, single.ToString());
        single.Output.Should().Contain("~ CampaignId: 1099 -> 1001").And.Contain("Processed without errors.");
        batch.ExitCode.Should().Be(0, batch.ToString());
        batch.Output.Should().Contain("3 submissions match").And.Contain("3 queued.");
    }

    [Fact]
    public async Task Which_submissions_can_be_sent_again_is_the_SDKs_rule_one_is_refused_a_batch_skips_it()
    {
        _server.Add(Failed("A-cli-modification", "5500000000071").WithType(SubmissionType.Modification));
        _server.Add(Failed("A-cli-no-payload", "5500000000072").WithPayload((string?)null));
        _server.Add(Failed("A-cli-sendable", "5500000000073"));
        var report = Path.Combine(_folder, "skipped.csv");

        var one = await _cli.RunAsync("resubmit", "A-cli-modification", "--set", "CampaignId=1001", "--yes");
        var batch = await _cli.RunAsync("resubmit", "--campaign", "1999", "--set", "CampaignId=1001", "--report", report);

        var refused = Assert.Throws<ArgumentException>(() => SubmissionPayload.ForResubmission(_server.Submissions.Single(s => s.BatchId == "A-cli-modification")));
        one.ExitCode.Should().Be(1, one.ToString());
        one.ErrorLines.Should().Equal("error: " + refused.Message.Replace(" (Parameter 'submission')", string.Empty, StringComparison.Ordinal));
        batch.ExitCode.Should().Be(0, batch.ToString());
        var rows = SubmissionRows.ParseCsv(File.ReadAllText(report)).Skip(1).Select(r => (r[0], r[2], r[3])).ToList();
        rows.Should().Equal(
            ("A-cli-modification", "skipped", "Submission A-cli-modification is a Modification, not a conversion: only conversions can be sent again."),
            ("A-cli-no-payload", "skipped", "Submission A-cli-no-payload has no payload to send again."),
            ("A-cli-sendable", "dry-run", "valid; would be sent with --yes"));
        Posts.Should().Be(0);
    }

    // A program-1001 sale sent to CampaignId 1999, which does not exist.
    private static ApiSubmissionBuilder Failed(string batchId, string orderId) => new ApiSubmissionBuilder()
        .WithBatchId(batchId)
        .WithType(SubmissionType.Conversion)
        .WithCampaignId(1999)
        .WithOrderId(orderId)
        .WithPayload(SubmitCommandTests.Credited.Replace("CampaignId=1001", "CampaignId=1999").Replace("5500000000001", orderId))
        .WithErrors("Validation", "CAMPAIGN_NOT_FOUND");
}
