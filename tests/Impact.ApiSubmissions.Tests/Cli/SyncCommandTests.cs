using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary><c>sync</c>, <c>watch</c> and <c>history</c> on a SQLite file in a temporary folder.</summary>
public sealed class SyncCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(-8));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "impact-cli-sync-" + Guid.NewGuid().ToString("N")[..12]);

    public SyncCommandTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "impact.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sync_demo_stores_every_submission_and_a_second_pass_finds_nothing_new()
    {
        var first = await new CliHarness().RunAsync("sync", "--demo", "--db", Db);
        var second = await new CliHarness().RunAsync("sync", "--demo", "--db", Db);

        first.ExitCode.Should().Be(0, first.ToString());
        first.Output.Should().Contain("Synced 305 submissions into SQLite " + Db + ": 305 new").And.Contain("impact.com lists 305.").And.Contain("First pass");
        second.ExitCode.Should().Be(0, second.ToString());
        second.Output.Should().Contain("Synced 305 submissions").And.Contain(": 0 new").And.Contain("Since the last pass:");
    }

    [Fact]
    public async Task Sync_without_a_database_says_what_to_pass()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1 });
        var result = await CliHarness.For(server).RunAsync("sync");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("No database: pass --db");
    }

    [Fact]
    public async Task Live_traffic_without_demo_is_a_usage_error()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 1 });
        var result = await CliHarness.For(server).RunAsync("watch", "--db", Db, "--live", "5/min");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain("--live goes with --demo");
    }

    [Fact]
    public async Task Watch_prints_each_new_failure_once_across_restarts()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 4, SubmissionCount = 20, Now = Now });
        (await CliHarness.For(server).RunAsync("sync", "--db", Db)).ExitCode.Should().Be(0);
        for (var i = 1; i <= 3; i++)
        {
            server.Add(Failure(i, "CONTRACT_NOT_FOUND"));
        }

        var first = await WatchUntilAsync(server, 3);
        server.Add(Failure(4, "CAMPAIGN_NOT_FOUND"));
        var second = await WatchUntilAsync(server, 1);

        first.ExitCode.Should().Be(0, first.ToString());
        var lines = first.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        lines.Select(l => (string)l["batchId"]!).Should().Equal(Batch(1), Batch(2), Batch(3));
        lines[0]["event"]!.Value<string>().Should().Be("failed");
        lines[0]["key"]!.Value<string>().Should().Be("failed:" + Batch(1));
        lines[0]["errorReasons"]!.Values<string>().Should().Equal("CONTRACT_NOT_FOUND");
        lines[0]["submission"]!["OrderId"]!.Value<string>().Should().Be("81");
        second.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JObject.Parse(l)["batchId"]!).Should().Equal(Batch(4));
    }

    [Fact]
    public async Task Watch_prints_an_FTP_file_with_failed_records_once_and_hands_it_to_exec()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 4, SubmissionCount = 20, FtpFileSubmissionCount = 3, Now = Now });
        (await CliHarness.For(server).RunAsync("sync", "--db", Db)).ExitCode.Should().Be(0);
        var file = server.AddFtpFileSubmission(
            ApiSubmissionsModelFactory.FtpFileSubmission(batchId: FtpBatch, fileName: "june.csv", submissionDate: Now, completionDate: Now.AddMinutes(3), status: SubmissionStatus.Complete, totalRecords: 40),
            new[] { FtpLine(3), FtpLine(17) });
        server.Add(Failure(1, "CONTRACT_NOT_FOUND"));
        var exec = Path.Combine(_folder, "exec.jsonl");

        var first = await WatchUntilAsync(server, 2, "--exec", $"cat >> '{exec}'");
        server.Add(Failure(2, "CAMPAIGN_NOT_FOUND"));
        var second = await WatchUntilAsync(server, 1);

        first.ExitCode.Should().Be(0, first.ToString());
        var lines = first.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        var ftp = lines.Should().ContainSingle(l => (string)l["event"]! == "ftp-file-failed").Which;
        ftp["key"]!.Value<string>().Should().Be("ftp-failed:" + FtpBatch);
        ftp["batchId"]!.Value<string>().Should().Be(FtpBatch);
        ftp["fileName"]!.Value<string>().Should().Be("june.csv");
        ftp["totalErrors"]!.Value<long>().Should().Be(2);
        ftp["totalRecords"]!.Value<long>().Should().Be(40);
        ftp["ftpFile"]!["BatchId"]!.Value<string>().Should().Be(file.BatchId);
        File.ReadAllLines(exec).Select(JObject.Parse).Should().Contain(l => (string)l["key"]! == "ftp-failed:" + FtpBatch, "--exec gets the same JSON");
        second.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JObject.Parse(l)["batchId"]!).Should().Equal(Batch(2));
    }

    [Fact]
    public void An_FTP_file_event_is_one_table_line_with_its_counts_and_file_name()
    {
        var file = ApiSubmissionsModelFactory.FtpFileSubmission(batchId: FtpBatch, fileName: "june.csv", status: SubmissionStatus.Complete, totalRecords: 40, totalErrors: 2);

        var line = Impact.ApiSubmissions.Cli.Output.EventOutput.Line(new SubmissionEvent("IRacc", file, Now));

        Spectre.Console.Markup.Remove(line).Should().Contain("FTP FILE").And.Contain(FtpBatch).And.Contain("2 of 40 records failed").And.Contain("june.csv")
            .And.Contain("ftp errors " + FtpBatch);
    }

    [Fact]
    public async Task History_counts_failures_by_day_reason_program_and_partner_as_csv()
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0, Now = Now });
        server.Add(Failure(1, "CONTRACT_NOT_FOUND").WithCampaignId(1000).WithMediaPartnerId(7));
        server.Add(Failure(2, "CONTRACT_NOT_FOUND", "RESTRICTED_PROMOCODE").WithCampaignId(1000).WithMediaPartnerId(8).WithSubmissionDate(Now.AddDays(-100)));
        server.Add(Failure(3, "CAMPAIGN_NOT_FOUND").WithCampaignId(1099).WithMediaPartnerId(7));
        server.Add(new ApiSubmissionBuilder().WithBatchId(Batch(9)).WithSubmissionDate(Now).WithCompletionDate(Now).WithCampaignId(1000).WithMediaPartnerId(7).WithoutErrors());
        (await CliHarness.For(server).RunAsync("sync", "--db", Db)).ExitCode.Should().Be(0);

        var csv = await new CliHarness().RunAsync("history", "--db", Db, "--format", "csv");

        csv.ExitCode.Should().Be(0, csv.ToString());
        csv.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "dimension,key,failures,submissions",
            "day,2026-08-22,1,1",
            "day,2026-11-30,2,3",
            "reason,CONTRACT_NOT_FOUND,2,",
            "reason,CAMPAIGN_NOT_FOUND,1,",
            "reason,RESTRICTED_PROMOCODE,1,",
            "program,1000,2,3",
            "program,1099,1,1",
            "partner,7,2,3",
            "partner,8,1,1");
        var table = await new CliHarness().RunAsync("history", "--db", Db);
        table.Output.Should().Contain("4 submissions stored, from 2026-08-22 to 2026-11-30: 3 failed (75%).").And.Contain("Failures by error reason").And.Contain("Failures by partner");
    }

    [Fact]
    public async Task History_demo_draws_the_charts()
    {
        var result = await new CliHarness().RunAsync("history", "--demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("305 submissions stored").And.Contain("Failures by day").And.Contain("CAMPAIGN_NOT_FOUND");
    }

    private async Task<CliResult> WatchUntilAsync(ImpactMockServer server, int events, params string[] more)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var harness = CliHarness.For(server);
        harness.Cancellation = stop.Token;
        harness.RawOutput = new LineCounter(events, stop);
        return await harness.RunAsync(new[] { "watch", "--db", Db, "--format", "jsonl", "--interval", "1h" }.Concat(more).ToArray());
    }

    private const string FtpBatch = "F-f11ef11e-0000-4000-8000-000000000001";

    private static FtpErrorDetail FtpLine(long line) =>
        ApiSubmissionsModelFactory.FtpErrorDetail(line: line, orderId: "O-" + line.ToString(System.Globalization.CultureInfo.InvariantCulture), reason: ErrorReason.ContractNotFound);

    private static string Batch(int i) => $"A-c11fa11d-0000-4000-8000-{i.ToString("000000000000", System.Globalization.CultureInfo.InvariantCulture)}";

    private static ApiSubmissionBuilder Failure(int i, params string[] reasons) =>
        new ApiSubmissionBuilder().WithBatchId(Batch(i)).WithSubmissionDate(Now.AddMinutes(i)).WithCompletionDate(Now.AddMinutes(i + 1))
            .WithOrderId("8" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).WithErrors("Contract Error", reasons);

    // Stops the watch as Ctrl+C would, once it has written this many lines.
    private sealed class LineCounter : StringWriter
    {
        private readonly int _lines;
        private readonly CancellationTokenSource _stop;

        public LineCounter(int lines, CancellationTokenSource stop)
        {
            _lines = lines;
            _stop = stop;
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        private void Check()
        {
            if (ToString().Count(c => c == '\n') >= _lines)
            {
                _stop.Cancel();
            }
        }
    }
}
