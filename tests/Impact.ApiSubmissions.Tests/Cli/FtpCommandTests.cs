using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>The <c>ftp</c> commands against the mock: list with the date filters, get, errors, wait, and --demo.</summary>
public sealed class FtpCommandTests : IClassFixture<SharedMockServer>
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 12, 0, 0, TimeSpan.FromHours(-7));
    private static readonly string[] Fast = { "--interval", "5ms", "--max-interval", "10ms" };

    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;

    public FtpCommandTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 2, FtpFileSubmissionCount = 60, Now = Now });
        _cli = CliHarness.For(_server);
    }


    [Fact]
    public async Task End_to_end_lists_a_date_range_picks_a_file_with_errors_and_reads_every_line_TotalErrors_counts()
    {
        var from = Now.AddDays(-45);
        var to = Now.AddDays(-10);
        var expected = _server.FtpFileSubmissions.Where(f => f.SubmissionDate >= from && f.SubmissionDate < to).Select(f => f.BatchId).ToList();
        expected.Should().NotBeEmpty().And.HaveCountLessThan(60);

        var list = await _cli.RunAsync("ftp", "list", "--since", Iso(from), "--until", Iso(to), "--page-size", "4", "--format", "json");

        list.ExitCode.Should().Be(0, list.ToString());
        var files = JArray.Parse(list.RawOutput);
        files.Select(f => (string?)f["BatchId"]).Should().Equal(expected);
        var failed = files.First(f => (string)f["TotalErrors"]! != "0");
        var batchId = (string)failed["BatchId"]!;
        var totalErrors = int.Parse((string)failed["TotalErrors"]!, CultureInfo.InvariantCulture);
        totalErrors.Should().BeGreaterThan(4, "the lines must span pages");

        var csv = await _cli.RunAsync("ftp", "errors", batchId, "--page-size", "4", "--format", "csv");
        var table = await _cli.RunAsync("ftp", "errors", batchId, "--page-size", "4");

        csv.ExitCode.Should().Be(0, csv.ToString());
        var rows = SubmissionRows.ParseCsv(csv.RawOutput);
        rows[0].Should().Equal(Foundation.SpecFile.SchemaProperties("FtpErrorDetail"));
        SubmissionRows.Column(rows, "Line").Should().HaveCount(totalErrors)
            .And.Equal(_server.GetFtpErrorDetails(batchId).Select(l => l.Line!.Value.ToString(CultureInfo.InvariantCulture)));
        table.ExitCode.Should().Be(0, table.ToString());
        table.Output.Should().Contain($"{totalErrors} failed lines of ").And.Contain($"the file's TotalErrors is {totalErrors}.").And.Contain("Failed lines by ErrorReason");
        table.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Errors_groups_the_lines_by_reason_with_what_each_reason_means()
    {
        var lines = new[] { ErrorReason.ContractNotFound, ErrorReason.OidMissing, ErrorReason.ContractNotFound, new ErrorReason("NEW_REASON") }
            .Select((reason, i) => ApiSubmissionsModelFactory.FtpErrorDetail(line: i + 2, status: SubmissionErrorType.ContractError, reason: reason));
        var file = _server.AddFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(batchId: "F-reasons"), lines);

        var result = await _cli.RunAsync("ftp", "errors", file.ErrorsUri!);

        result.ExitCode.Should().Be(0, result.ToString());
        var reasonRows = result.Output.Split('\n').SkipWhile(l => !l.Contains("Failed lines by ErrorReason", StringComparison.Ordinal)).ToList();
        reasonRows.Should().Contain(l => l.Contains("CONTRACT_NOT_FOUND", StringComparison.Ordinal) && l.Contains(" 2 ", StringComparison.Ordinal) && l.Contains(ErrorReason.ContractNotFound.Description!, StringComparison.Ordinal));
        reasonRows.Should().Contain(l => l.Contains("OID_MISSING", StringComparison.Ordinal) && l.Contains(" 1 ", StringComparison.Ordinal) && l.Contains("The OrderId is required", StringComparison.Ordinal));
        reasonRows.Should().Contain(l => l.Contains("NEW_REASON", StringComparison.Ordinal) && l.Contains("Not documented by impact.com", StringComparison.Ordinal));
        result.Output.Should().Contain("4 failed lines of ").And.Contain("the file's TotalErrors is 4.");
    }

    [Fact]
    public async Task Errors_shows_a_free_text_reason_and_an_unknown_error_type_as_sent()
    {
        // impact.com's own published example of a line writes its Reason as free text.
        var lines = new[] { ApiSubmissionsModelFactory.FtpErrorDetail(line: 2, status: new SubmissionErrorType("Data [Check]"), reason: new ErrorReason("Invalid date format")) };
        var file = _server.AddFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(batchId: "F-free-text"), lines);

        var result = await _cli.RunAsync("ftp", "errors", file.ErrorsUri!);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Invalid date format").And.Contain("Data [Check]");
    }

    [Fact]
    public async Task List_filters_on_completion_and_errors_with_csv_columns_from_the_spec_and_json_values_all_strings()
    {
        var from = Now.AddDays(-60);
        var expected = _server.FtpFileSubmissions.Where(f => f.CompletionDate >= from && f.TotalErrors > 0).Select(f => f.BatchId).ToList();

        var csv = await _cli.RunAsync("ftp", "list", "--completed-since", Iso(from), "--errors-only", "--format", "csv");
        var json = await _cli.RunAsync("ftp", "list", "--errors-only", "--max", "3", "--format", "json");

        csv.ExitCode.Should().Be(0, csv.ToString());
        var rows = SubmissionRows.ParseCsv(csv.RawOutput);
        rows[0].Should().Equal(Foundation.SpecFile.SchemaProperties("FtpFileSubmission"));
        SubmissionRows.Column(rows, "BatchId").Should().Equal(expected);
        _server.ReceivedRequests.Should().Contain(r => r.PathAndQuery.Contains("CompletedDateStart=", StringComparison.Ordinal));
        // Read as text: a JSON reader would otherwise turn ISO dates into dates.
        var files = JArray.Load(new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(json.RawOutput)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None });
        files.Should().HaveCount(3);
        files.SelectMany(f => ((JObject)f).Properties()).Should().OnlyContain(p => p.Value.Type == JTokenType.String);
    }

    [Theory]
    [InlineData("csv", 1)]
    [InlineData("jsonl", 0)]
    public async Task Ctrl_c_during_a_csv_or_jsonl_file_listing_keeps_every_row_already_read(string format, int header)
    {
        var whole = await _cli.RunAsync("ftp", "list", "--page-size", "5", "--format", format);
        var interrupted = CliHarness.For(_server);
        interrupted.CtrlCAfterRawLines = header + 6;

        var result = await interrupted.RunAsync("ftp", "list", "--page-size", "5", "--format", format);

        var all = whole.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        all.Should().HaveCount(header + 60);
        result.ExitCode.Should().Be(130, result.ToString());
        var kept = result.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        kept.Length.Should().BeInRange(header + 6, header + 59, "the rows read before Ctrl+C are kept, the rest never read");
        kept.Should().Equal(all.Take(kept.Length));
    }

    [Fact]
    public async Task A_narrow_terminal_keeps_the_files_BatchId_status_and_failed_count_whole()
    {
        _cli.Width = 80;

        var result = await _cli.RunAsync("ftp", "list", "--max", "5");

        var lines = result.Output.Split('\n');
        lines.Should().Contain(l => l.Contains("│ BatchId ", StringComparison.Ordinal) && l.Contains("│ Status ", StringComparison.Ordinal) && l.Contains("│ Failed ", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains("│ Completed ", StringComparison.Ordinal));
        lines.Where(l => l.StartsWith('│') || l.StartsWith('╭')).Should().OnlyContain(l => l.TrimEnd().Length <= 80);
        foreach (var file in _server.FtpFileSubmissions.Take(5))
        {
            result.Output.Should().Contain("│ " + file.BatchId + " │");
        }
    }

    [Fact]
    public async Task Get_shows_the_counts_the_outcome_and_the_first_lines()
    {
        var file = _server.FtpFileSubmissions.First(f => f.TotalErrors > 5);

        var result = await _cli.RunAsync("ftp", "get", file.BatchId!, "--lines", "3");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Processed: {file.TotalErrors} of {file.TotalRecords} records failed.")
            .And.Contain($"First 3 failed lines of {file.TotalErrors}")
            .And.Contain($"ftp errors {file.BatchId}");
        foreach (var line in _server.GetFtpErrorDetails(file.BatchId!).Take(3))
        {
            result.Output.Should().Contain(line.Reason!.Value.Code);
        }
    }

    [Fact]
    public async Task Get_and_ftp_get_show_dates_the_same_way()
    {
        var date = new DateTimeOffset(2026, 9, 1, 8, 5, 9, TimeSpan.FromHours(-7));
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-dates").WithSubmissionDate(date).WithCompletionDate(date.AddMinutes(4)));
        _server.AddFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(batchId: "F-dates", submissionDate: date, completionDate: date.AddMinutes(4), status: SubmissionStatus.Complete, totalRecords: 1, totalErrors: 0));

        var get = await _cli.RunAsync("get", "A-dates");
        var ftp = await _cli.RunAsync("ftp", "get", "F-dates");

        get.ExitCode.Should().Be(0, get.ToString());
        ftp.ExitCode.Should().Be(0, ftp.ToString());
        foreach (var output in new[] { get.Output, ftp.Output })
        {
            output.Should().MatchRegex(@"SubmissionDate +2026-09-01 08:05:09 -07:00").And.MatchRegex(@"CompletionDate +2026-09-01 08:09:09 -07:00");
        }
    }

    [Fact]
    public async Task Wait_exits_3_when_records_failed_0_when_none_and_4_on_timeout()
    {
        var failing = _server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(batchId: "F-wait-failed"), new[] { ApiSubmissionsModelFactory.FtpErrorDetail(line: 2, reason: ErrorReason.Unclaimed) });
        var clean = _server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(batchId: "F-wait-ok"));
        _server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(batchId: "F-stuck"), getsPerStatus: 100_000);

        var failed = await _cli.RunAsync(new[] { "ftp", "wait", failing.BatchId! }.Concat(Fast).ToArray());
        var ok = await _cli.RunAsync(new[] { "ftp", "wait", clean.BatchId! }.Concat(Fast).ToArray());
        var stuck = await _cli.RunAsync(new[] { "ftp", "wait", "F-stuck", "--timeout", "200ms" }.Concat(Fast).ToArray());

        failed.ExitCode.Should().Be(3, failed.ToString());
        failed.Output.Should().Contain("Processed: 1 of ").And.Contain("ftp errors F-wait-failed");
        ok.ExitCode.Should().Be(0, ok.ToString());
        ok.Output.Should().Contain("Processed without errors");
        // The cause, not a margin: the wait's own timeout ended it (exit 4, "Gave up"), however far the polls got.
        stuck.ExitCode.Should().Be(4, stuck.ToString());
        stuck.ErrorLines.Should().ContainSingle().Which.Should().MatchRegex(@"^error: Gave up after 200 ms: FTP file 'F-stuck' is (still Queued|not seen yet) \(\d+ polls?\)");
    }

    [Theory]
    [InlineData("https://evil.example/Advertisers/IRx/FTPFileSubmissions/F-1/ErrorDetails")]
    [InlineData("/Advertisers/IRsomeoneElse/FTPFileSubmissions/F-1/ErrorDetails")]
    public async Task An_ErrorsUri_outside_the_account_is_refused_and_nothing_is_sent(string link)
    {
        var result = await _cli.RunAsync("ftp", "errors", link);

        result.ExitCode.Should().NotBe(0);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("refused");
        _server.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Mistakes_are_one_line_with_exit_code_1()
    {
        var order = await _cli.RunAsync("ftp", "list", "--since", "2026-09-10", "--until", "2026-09-01");
        var missing = await _cli.RunAsync("ftp", "errors");

        order.ExitCode.Should().Be(1, order.ToString());
        order.ErrorLines.Should().ContainSingle().Which.Should().Contain("--since '2026-09-10' is not before --until '2026-09-01'");
        missing.ExitCode.Should().Be(1, missing.ToString());
        missing.ErrorLines.Should().ContainSingle().Which.Should().Contain("Which file? Give its BatchId");
    }

    [Fact]
    public async Task Every_ftp_command_works_with_demo()
    {
        var demo = new CliHarness();

        var list = await demo.RunAsync("ftp", "list", "--demo", "--since", "30d");
        var get = await demo.RunAsync("ftp", "get", "--demo");
        var errors = await demo.RunAsync("ftp", "errors", "--demo", "--format", "json");
        var wait = await demo.RunAsync(new[] { "ftp", "wait", "--demo" }.Concat(Fast).ToArray());

        list.ExitCode.Should().Be(0, list.ToString());
        list.Output.Should().Contain("Demo: a built-in mock of impact.com, 42 FTP file submissions; nothing leaves this machine.").And.Contain("with failed records").And.Contain("Filters: submitted since 30d.");
        get.ExitCode.Should().Be(0, get.ToString());
        get.Output.Should().Contain("Processed: 130 of 2400 records failed.").And.Contain("First 10 failed lines of 130");
        errors.ExitCode.Should().Be(0, errors.ToString());
        JArray.Parse(errors.RawOutput).Should().HaveCount(130);
        wait.ExitCode.Should().Be(3, wait.ToString());
        wait.Output.Should().Contain("Queued").And.Contain("In Progress").And.Contain("Processed: 4 of 500 records failed.");
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
