using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.Contracts;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.MockServer;

/// <summary>The mock's FTP file submissions: counts that add up, date filters on the server, paging, progression, auth.</summary>
public sealed class FtpFileSubmissionTests : IClassFixture<SharedMockServer>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 12, 0, 0, TimeSpan.FromHours(-7));

    private readonly ImpactMockServer _server;
    private readonly HttpClient _http;

    public FtpFileSubmissionTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 3, FtpFileSubmissionCount = 60, Now = Now });
        _http = _server.CreateHttpClient();
    }

    private string FilesPath => $"/Advertisers/{_server.AccountSid}/FTPFileSubmissions";

    public void Dispose()
    {
        _http.Dispose();
    }

    [Fact]
    public async Task Every_file_s_TotalErrors_equals_its_failed_lines_read_across_pages()
    {
        var files = await ReadAllAsync(FilesPath + "?PageSize=7", "FTPFileSubmissions");

        files.Should().HaveCount(60);
        files.Select(f => (string)f["BatchId"]!).Should().OnlyHaveUniqueItems();
        var withErrors = 0;
        foreach (var file in files)
        {
            var lines = await ReadAllAsync((string)file["ErrorsUri"]! + "?PageSize=5", "ErrorDetail");
            var total = long.Parse((string)file["TotalErrors"]!, CultureInfo.InvariantCulture);
            var records = long.Parse((string)file["TotalRecords"]!, CultureInfo.InvariantCulture);

            lines.Should().HaveCount((int)total, file["BatchId"]!.ToString());
            var numbers = lines.Select(l => long.Parse((string)l["Line"]!, CultureInfo.InvariantCulture)).ToList();
            numbers.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            numbers.Where(n => n < 2 || n > records + 1).Should().BeEmpty("line 1 is the header and the file has TotalRecords records");
            lines.Where(l => (string)l["Uri"]! != (string)file["ErrorsUri"]! + "/" + (string)l["Line"]!).Should().BeEmpty();
            if ((string)file["Status"]! != "Complete")
            {
                total.Should().Be(0, "a file still being processed has no failed lines yet");
                ((string)file["CompletionDate"]!).Should().BeEmpty();
            }

            withErrors += total > 0 ? 1 : 0;
        }

        withErrors.Should().BeInRange(10, 50, "about 45% of complete files have failed lines");
        _server.FtpFileSubmissions.Sum(f => f.TotalErrors!.Value).Should().Be(_server.FtpFileSubmissions.Sum(f => _server.GetFtpErrorDetails(f.BatchId!).Count));
    }

    [Fact]
    public async Task Submission_date_filters_are_applied_by_the_server_and_kept_across_pages()
    {
        var all = _server.FtpFileSubmissions;
        var start = all[10].SubmissionDate!.Value;
        var end = all[40].SubmissionDate!.Value;
        var expected = all.Where(f => f.SubmissionDate >= start && f.SubmissionDate < end).Select(f => f.BatchId).ToList();
        _server.Reset();

        var read = await ReadAllAsync($"{FilesPath}?PageSize=4&SubmissionDateStart={Escape(start)}&SubmissionDateEnd={Escape(end)}", "FTPFileSubmissions");

        expected.Should().HaveCount(30, "the start is included and the end is not");
        read.Select(f => (string?)f["BatchId"]).Should().Equal(expected);
        _server.ReceivedRequests.Should().HaveCount(8, "30 files at 4 a page: the server filtered, the client read only the matching pages")
            .And.OnlyContain(r => r.PathAndQuery.Contains("SubmissionDateEnd=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_completion_date_filter_compares_instants_across_offsets_and_leaves_out_unfinished_files()
    {
        var start = Now.AddDays(-30);
        var expected = _server.FtpFileSubmissions.Where(f => f.CompletionDate >= start).Select(f => f.BatchId).ToList();
        var utc = start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var read = await ReadAllAsync($"{FilesPath}?CompletedDateStart={utc}", "FTPFileSubmissions");

        expected.Should().NotBeEmpty();
        read.Select(f => (string?)f["BatchId"]).Should().Equal(expected);
        read.Should().OnlyContain(f => (string)f["Status"]! == "Complete");
        _server.FtpFileSubmissions.Should().Contain(f => f.Status != SubmissionStatus.Complete, "the data set has unfinished files to leave out");
    }

    [Theory]
    [InlineData("SubmissionDateStart", "yesterday")]
    [InlineData("SubmissionDateEnd", "2026-09-01")]
    [InlineData("CompletedDateStart", "2026-09-01T00:00:00")]
    [InlineData("CompletedDateEnd", "2026-13-01T00:00:00Z")]
    public async Task A_date_filter_that_is_not_an_instant_with_an_offset_answers_400_naming_it(string filter, string value)
    {
        using var response = await _http.GetAsync($"{FilesPath.TrimStart('/')}?{filter}={Uri.EscapeDataString(value)}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = MockHttp.Parse(await response.Content.ReadAsStringAsync());
        ((string)body["Errors"]![0]!["Field"]!).Should().Be(filter);
    }

    [Fact]
    public async Task An_unescaped_plus_in_an_offset_still_reads_as_the_offset()
    {
        var start = _server.FtpFileSubmissions[20].SubmissionDate!.Value.ToOffset(TimeSpan.FromHours(2));
        var expected = _server.FtpFileSubmissions.Count(f => f.SubmissionDate >= start);

        var page = await _http.GetJsonAsync($"{FilesPath}?SubmissionDateStart={start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}");

        ((string)page["@total"]!).Should().Be(expected.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_progressing_file_counts_its_records_then_its_errors_and_its_lines_add_up_at_every_stage()
    {
        var lines = new[] { Line(5, "MALFORMED"), Line(9, "CONTRACT_NOT_FOUND"), Line(12, "NO_ITEM") };
        var final = _server.AddProgressingFtpFileSubmission(new FtpFileSubmission { FileName = "late.csv", TotalRecords = 40 }, lines);
        var path = $"{FilesPath}/{final.BatchId}";

        var stages = new List<(string Status, string Records, string Errors, int Lines)>();
        for (var i = 0; i < 4; i++)
        {
            var file = await _http.GetJsonAsync(path);
            var details = await _http.GetJsonAsync(path + "/ErrorDetails");
            stages.Add(((string)file["Status"]!, (string)file["TotalRecords"]!, (string)file["TotalErrors"]!, ((JArray)details["ErrorDetail"]!).Count));
        }

        stages.Should().Equal(("Queued", "0", "0", 0), ("In Progress", "40", "0", 0), ("Complete", "40", "3", 3), ("Complete", "40", "3", 3));
        final.TotalErrors.Should().Be(3);
        final.Uri.Should().Be(path, "unset links are filled from the BatchId");
        final.ErrorsUri.Should().Be(path + "/ErrorDetails");
        _server.GetFtpErrorDetails(final.BatchId!).Select(l => l.Uri).Should().Equal(lines.Select(l => $"{path}/ErrorDetails/{l.Line}"));
    }

    [Fact]
    public void A_file_whose_TotalErrors_disagrees_with_its_lines_is_refused()
    {
        var act = () => _server.AddFtpFileSubmission(new FtpFileSubmission { TotalErrors = 2 }, new[] { Line(3, "UNCLAIMED") });

        act.Should().Throw<ArgumentException>().WithMessage("*TotalErrors is 2, but 1 failed lines*");
    }

    [Fact]
    public void The_files_come_from_the_seed_and_leave_the_API_submissions_unchanged()
    {
        using var same = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 3, FtpFileSubmissionCount = 60, Now = Now });
        using var noFiles = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 3, FtpFileSubmissionCount = 0, Now = Now });

        same.FtpFileSubmissions.Select(f => f.BatchId + f.TotalErrors).Should().Equal(_server.FtpFileSubmissions.Select(f => f.BatchId + f.TotalErrors));
        noFiles.FtpFileSubmissions.Should().BeEmpty();
        noFiles.Submissions.Select(s => s.BatchId).Should().Equal(_server.Submissions.Select(s => s.BatchId));
    }

    [Fact]
    public async Task The_FTP_paths_need_the_credentials_the_account_and_GET()
    {
        var batchId = _server.FtpFileSubmissions[0].BatchId!;
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        using var post = new StringContent("x", Encoding.UTF8, "text/plain");

        (await Status(anonymous.GetAsync(FilesPath.TrimStart('/')))).Should().Be(401);
        (await Status(anonymous.GetAsync($"{FilesPath.TrimStart('/')}/{batchId}/ErrorDetails"))).Should().Be(401);
        (await Status(_http.GetAsync($"Advertisers/IRsomeoneElse/FTPFileSubmissions/{batchId}"))).Should().Be(403);
        (await Status(_http.PostAsync(FilesPath.TrimStart('/'), post))).Should().Be(405);
        (await Status(_http.GetAsync($"{FilesPath.TrimStart('/')}/F-unknown"))).Should().Be(404);
        (await Status(_http.GetAsync($"{FilesPath.TrimStart('/')}/F-unknown/ErrorDetails"))).Should().Be(404);
        (await Status(_http.GetAsync($"{FilesPath.TrimStart('/')}/{batchId}/ErrorDetails/2"))).Should().Be(404, "a line's Uri names it; no operation answers it");
    }

    [Fact]
    public async Task Every_answer_conforms_to_the_spec()
    {
        var validator = SpecOperations.Validator;
        var problems = new List<string>();
        for (var next = FilesPath + "?PageSize=25"; next.Length > 0;)
        {
            var page = await _http.GetJsonAsync(next);
            problems.AddRange(validator.Validate(page, validator.ResponseSchema("ListFtpFileSubmissions", "200")));
            foreach (var file in page["FTPFileSubmissions"]!)
            {
                problems.AddRange(validator.Validate(await _http.GetJsonAsync((string)file["Uri"]!), validator.ResponseSchema("GetFtpFileSubmission", "200")));
                problems.AddRange(validator.Validate(await _http.GetJsonAsync((string)file["ErrorsUri"]!), validator.ResponseSchema("ListFtpErrorDetails", "200")));
            }

            next = (string)page["@nextpageuri"]!;
        }

        using var bad = await _http.GetAsync($"{FilesPath.TrimStart('/')}?SubmissionDateStart=soon");
        problems.AddRange(validator.Validate(MockHttp.ParseToken(await bad.Content.ReadAsStringAsync()), validator.ResponseSchema("ListFtpFileSubmissions", "400")));

        problems.Should().BeEmpty();
    }

    private async Task<List<JToken>> ReadAllAsync(string first, string array)
    {
        var records = new List<JToken>();
        var pages = 0;
        for (var next = first; next.Length > 0; pages++)
        {
            pages.Should().BeLessThan(1000, "a listing ends");
            var page = await _http.GetJsonAsync(next);
            records.AddRange(page[array]!);
            next = (string)page["@nextpageuri"]!;
        }

        return records;
    }

    private static FtpErrorDetail Line(long line, string reason) => new()
    {
        Line = line, CampaignId = 1000, ActionTrackerId = 4000, MediaPartnerId = 10042, OrderId = "1234567890123",
        Status = new SubmissionErrorType("Validation"), Reason = new ErrorReason(reason),
    };

    private static string Escape(DateTimeOffset value) => Uri.EscapeDataString(value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static async Task<int> Status(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return (int)response.StatusCode;
    }
}
