using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Output;
using Impact.ApiSubmissions.Serialization;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

public sealed class ListCommandTests : IClassFixture<SharedMockServer>
{
    private static readonly DateTimeOffset Now = new(2024, 9, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;

    public ListCommandTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 60, Now = Now });
        _cli = CliHarness.For(_server);
    }


    [Theory]
    [InlineData("csv", 1)]
    [InlineData("jsonl", 0)]
    public async Task Ctrl_c_during_a_csv_or_jsonl_listing_keeps_every_row_already_read(string format, int header)
    {
        var whole = await _cli.RunAsync("list", "--page-size", "5", "--format", format);
        var interrupted = CliHarness.For(_server);
        interrupted.CtrlCAfterRawLines = header + 6;

        var result = await interrupted.RunAsync("list", "--page-size", "5", "--format", format);

        whole.ExitCode.Should().Be(0, whole.ToString());
        var all = whole.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        all.Should().HaveCount(header + 60);
        result.ExitCode.Should().Be(130, result.ToString());
        result.ErrorLines.Should().Equal("Cancelled.");
        var kept = result.RawOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        result.RawOutput.Should().EndWith("\n", "no row is cut in half");
        kept.Length.Should().BeInRange(header + 6, header + 59, "the rows read before Ctrl+C are kept, the rest never read");
        kept.Should().Equal(all.Take(kept.Length), "each kept row is the listing's row, in order");
        if (format == "jsonl")
        {
            kept.Select(l => Newtonsoft.Json.Linq.JObject.Parse(l)["BatchId"]!.ToString()).Should().Equal(_server.Submissions.Take(kept.Length).Select(s => s.BatchId));
        }
    }

    [Fact]
    public async Task The_table_shows_every_submission_with_its_status_and_errors_and_a_summary()
    {
        var result = await _cli.RunAsync("list", "--page-size", "25");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().BeEmpty();
        foreach (var s in _server.Submissions)
        {
            var row = result.Output.Split('\n').Single(l => l.Contains(s.BatchId!, StringComparison.Ordinal));
            row.Should().Contain(s.Status.ToString()).And.Contain(s.Type.ToString());
            if (s.HasErrors)
            {
                row.Should().Contain($"{s.ErrorType}: {string.Join(", ", s.ErrorReasons.Select(r => r.Code))}");
            }
        }

        var withErrors = _server.Submissions.Count(s => s.HasErrors);
        result.Output.Should().Contain($"60 submissions shown, {withErrors} with errors. Read 60 of 60 on 3 pages of 3.");
    }

    [Fact]
    public async Task Json_output_parses_back_to_the_servers_submissions_and_holds_nothing_else()
    {
        var result = await _cli.RunAsync("list", "--format", "json", "--page-size", "7");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().BeEmpty("json goes out as is, without the table console");
        result.Error.Should().BeEmpty();
        result.RawOutput.Should().NotContain("\u001b");
        var parsed = ImpactJson.Deserialize<List<ApiSubmission>>(result.RawOutput);
        SubmissionRows.Lines(parsed).Should().Equal(SubmissionRows.Lines(_server.Submissions));
        result.RawOutput.Should().NotContain("IsComplete").And.NotContain("HasErrors", "computed conveniences are not wire fields");
    }

    [Fact]
    public async Task Csv_output_has_a_header_and_parses_back_to_the_servers_submissions()
    {
        var result = await _cli.RunAsync("list", "--format", "csv");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().BeEmpty();
        var records = SubmissionRows.ParseCsv(result.RawOutput);
        records[0].Should().Equal(SubmissionRows.Header);
        SubmissionRows.Lines(records.Skip(1)).Should().Equal(SubmissionRows.Lines(_server.Submissions));
    }

    [Fact]
    public async Task Csv_quotes_fields_with_commas_quotes_and_line_breaks()
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-csv").WithOrderId("a,\"b\"\nc").WithPayload("Note=x,y"));

        var result = await _cli.RunAsync("list", "--format", "csv");

        result.RawOutput.Should().Contain("\"a,\"\"b\"\"\nc\"").And.Contain("\"Note=x,y\"");
        var rows = SubmissionRows.ParseCsv(result.RawOutput);
        var row = SubmissionRows.Column(rows, "BatchId").IndexOf("A-csv");
        SubmissionRows.Column(rows, "OrderId")[row].Should().Be("a,\"b\"\nc");
    }

    [Fact]
    public async Task Csv_quotes_a_field_that_starts_like_a_spreadsheet_formula_as_history_does()
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-formula").WithOrderId("=HYPERLINK(\"x\")").WithPayload("@Note=1"));

        var result = await _cli.RunAsync("list", "--format", "csv");

        result.RawOutput.Should().Contain("\"=HYPERLINK(\"\"x\"\")\"").And.Contain("\"@Note=1\"");
        var rows = SubmissionRows.ParseCsv(result.RawOutput);
        var row = SubmissionRows.Column(rows, "BatchId").IndexOf("A-formula");
        SubmissionRows.Column(rows, "OrderId")[row].Should().Be("=HYPERLINK(\"x\")", "the value reads back as sent");
    }

    [Fact]
    public async Task An_empty_listing_is_still_valid_json_and_csv()
    {
        var json = await _cli.RunAsync("list", "--format", "json", "--campaign", "999999");
        var csv = await _cli.RunAsync("list", "--format", "csv", "--campaign", "999999");

        json.RawOutput.Should().Be("[]\n");
        SubmissionRows.ParseCsv(csv.RawOutput).Should().ContainSingle().Which.Should().Equal(SubmissionRows.Header);
    }

    [Fact]
    public async Task Filters_combine_and_accept_known_values_in_any_case()
    {
        var result = await _cli.RunAsync("list", "--format", "json", "--status", "complete", "--type", "CONVERSION", "--errors-only", "--campaign", "1000,1002");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = _server.Submissions.Where(s =>
            s.Status == SubmissionStatus.Complete && s.Type == SubmissionType.Conversion && s.HasErrors && (s.CampaignId == 1000 || s.CampaignId == 1002));
        expected.Should().NotBeEmpty();
        SubmissionRows.Lines(ImpactJson.Deserialize<List<ApiSubmission>>(result.RawOutput)).Should().Equal(SubmissionRows.Lines(expected));
    }

    [Fact]
    public async Task In_progress_may_be_written_with_a_dash()
    {
        var result = await _cli.RunAsync("list", "--format", "json", "--status", "in-progress", "--status", "Queued");

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = _server.Submissions.Where(s => s.IsPending).ToList();
        expected.Should().NotBeEmpty();
        SubmissionRows.Lines(ImpactJson.Deserialize<List<ApiSubmission>>(result.RawOutput)).Should().Equal(SubmissionRows.Lines(expected));
    }

    [Fact]
    public async Task Error_reason_matches_any_of_the_codes_of_a_submission()
    {
        var code = _server.Submissions.SelectMany(s => s.ErrorReasons).GroupBy(r => r).OrderByDescending(g => g.Count()).First().Key;

        var result = await _cli.RunAsync("list", "--format", "json", "--error-reason", code.Code.ToLowerInvariant());

        var expected = _server.Submissions.Where(s => s.ErrorReasons.Contains(code));
        SubmissionRows.Lines(ImpactJson.Deserialize<List<ApiSubmission>>(result.RawOutput)).Should().Equal(SubmissionRows.Lines(expected));
    }

    [Fact]
    public async Task An_undocumented_error_reason_is_matched_as_given_with_a_warning()
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-new-code").WithErrors("Validation", "BRAND_NEW_CODE"));

        var result = await _cli.RunAsync("list", "--format", "csv", "--error-reason", "BRAND_NEW_CODE");

        result.ExitCode.Should().Be(0);
        result.ErrorLines.Should().ContainSingle().Which.Should().Be("warning: 'BRAND_NEW_CODE' is not one of impact.com's documented error reasons; matching it as given.");
        SubmissionRows.Column(SubmissionRows.ParseCsv(result.RawOutput), "BatchId").Should().Equal("A-new-code");
    }

    [Fact]
    public async Task Since_and_until_select_by_submission_date_with_offsets_respected()
    {
        var dates = _server.Submissions.Select(s => s.SubmissionDate!.Value).OrderBy(d => d).ToList();
        var since = dates[10];
        var until = dates[40];

        var result = await _cli.RunAsync(
            "list", "--format", "json",
            "--since", since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            "--until", until.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        result.ExitCode.Should().Be(0, result.ToString());
        var expected = _server.Submissions.Where(s => s.SubmissionDate >= since && s.SubmissionDate < until);
        SubmissionRows.Lines(ImpactJson.Deserialize<List<ApiSubmission>>(result.RawOutput)).Should().Equal(SubmissionRows.Lines(expected)).And.HaveCount(30);
    }

    [Fact]
    public async Task A_bare_until_date_includes_that_whole_day()
    {
        var day = _server.Submissions.Select(s => s.SubmissionDate!.Value.UtcDateTime.Date).Distinct().OrderBy(d => d).Skip(5).First();

        var result = await _cli.RunAsync("list", "--format", "json", "--since", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--until", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var expected = _server.Submissions.Where(s => s.SubmissionDate!.Value.UtcDateTime.Date == day).ToList();
        expected.Should().NotBeEmpty();
        SubmissionRows.Lines(ImpactJson.Deserialize<List<ApiSubmission>>(result.RawOutput)).Should().Equal(SubmissionRows.Lines(expected));
    }

    [Fact]
    public async Task Max_limits_the_rows_and_stops_listing_early()
    {
        var result = await _cli.RunAsync("list", "--format", "json", "--max", "5", "--page-size", "10");

        result.ExitCode.Should().Be(0, result.ToString());
        SubmissionRows.Lines(ImpactJson.Deserialize<List<ApiSubmission>>(result.RawOutput)).Should().Equal(SubmissionRows.Lines(_server.Submissions.Take(5)));
        _server.RequestCount.Should().Be(1, "five rows come from the first page of ten");
    }

    [Fact]
    public async Task The_table_says_when_it_stopped_at_max_and_which_filters_applied()
    {
        var result = await _cli.RunAsync("list", "--max", "2", "--errors-only", "--page-size", "60");

        result.Output.Should().Contain("2 submissions shown, 2 with errors.").And.Contain("Stopped at --max 2. Filters: errors only.");
    }

    [Fact]
    public async Task No_match_says_so()
    {
        var result = await _cli.RunAsync("list", "--campaign", "999999");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("No submissions match. Read 60 of 60 on 1 page of 1. Filters: program 999999.");
    }

    [Fact]
    public async Task On_a_live_terminal_the_table_still_comes_after_the_progress_display()
    {
        _cli.LiveTerminal = true;

        var result = await _cli.RunAsync("list", "--page-size", "10");

        result.ExitCode.Should().Be(0, result.ToString());
        // The progress display was drawn (its task line and bar), then cleared, and the table came after it.
        // Which description is drawn depends on when the display refreshes: the first page's, or a later one's.
        result.Output.Should().MatchRegex("Reading the first page|page [1-6] of 6, [0-9]+ read", "a live terminal shows the progress display");
        var progress = result.Output.IndexOf("━", StringComparison.Ordinal);
        progress.Should().BeGreaterThanOrEqualTo(0, "the progress bar is drawn");
        result.Output.IndexOf(_server.Submissions[^1].BatchId!, StringComparison.Ordinal).Should().BeGreaterThan(progress);
        result.Output.Should().Contain("60 submissions shown");
    }

    [Fact]
    public async Task A_narrow_terminal_keeps_BatchId_status_and_errors_and_never_breaks_a_BatchId()
    {
        _cli.Width = 80;

        var result = await _cli.RunAsync("list", "--errors-only", "--max", "5");

        var lines = result.Output.Split('\n');
        lines.Should().Contain(l => l.Contains("│ BatchId ", StringComparison.Ordinal) && l.Contains("│ Status ", StringComparison.Ordinal) && l.Contains("│ Errors ", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains("│ OrderId ", StringComparison.Ordinal));
        lines.Where(l => l.StartsWith('│') || l.StartsWith('╭')).Should().OnlyContain(l => l.TrimEnd().Length <= 80);
        foreach (var s in _server.Submissions.Where(s => s.HasErrors).Take(5))
        {
            result.Output.Should().Contain("│ " + s.BatchId + " │");
        }
    }

    [Fact]
    public void The_progress_line_counts_pages_items_and_requests_left()
    {
        var state = new Impact.ApiSubmissions.Cli.Filtering.ListingState
        {
            Pages = 2,
            NumPages = 3,
            Read = 2000,
            Matched = 12,
            RateLimit = new RateLimitState(1000, 998, TimeSpan.FromMinutes(50), null, DateTimeOffset.UnixEpoch),
        };

        ListingProgress.Describe(state).Should().Be("page 2 of 3, 2,000 read, 12 matching, 998 of 1,000 requests left");
    }
}
