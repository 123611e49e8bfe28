using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Cli;
using Impact.ApiSubmissions.Tests.Client;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Hostile;

/// <summary>
/// An answer is what was asked: the record of the BatchId asked for, the page asked for, counts that hold together.
/// Anything else is an <see cref="ImpactWireFormatException"/> naming the field and the value, and one line from the CLI.
/// </summary>
public class AnswersAreWhatWasAskedTests
{
    [Fact]
    public async Task A_get_answered_with_another_batch_id_is_a_wire_format_error_naming_it()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("A-other")));
        using var client = TestClients.Create(handler);

        var act = () => client.GetApiSubmissionAsync("A-1");

        var e = (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which;
        (e.Field, e.Value).Should().Be(("BatchId", "A-other"));
        e.Message.Should().Contain("'A-1'").And.Contain("'A-other'");
        handler.Calls.Should().Be(1, "a wrong answer is not worth another attempt");
    }

    [Fact]
    public async Task A_get_answered_with_the_same_batch_id_in_other_case_is_accepted()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(TestClients.Submission("a-1")));
        using var client = TestClients.Create(handler);

        (await client.GetApiSubmissionAsync("A-1")).BatchId.Should().Be("a-1");
    }

    [Fact]
    public async Task An_ftp_file_answered_for_another_batch_id_is_refused()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(FtpFile("F-other", "10", "1")));
        using var client = TestClients.Create(handler);

        var e = (await ((Func<Task>)(() => client.GetFtpSubmissionAsync("F-1"))).Should().ThrowAsync<ImpactWireFormatException>()).Which;

        (e.Field, e.Value).Should().Be(("BatchId", "F-other"));
    }

    [Theory]
    [InlineData("-1", "0", "TotalRecords", "-1")]
    [InlineData("10", "-3", "TotalErrors", "-3")]
    [InlineData("10", "11", "TotalErrors", "11")]
    public async Task An_ftp_file_whose_counts_cannot_be_is_a_wire_format_error(string records, string errors, string field, string value)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(FtpFile("F-1", records, errors)));
        using var client = TestClients.Create(handler);

        var e = (await ((Func<Task>)(() => client.GetFtpSubmissionAsync("F-1"))).Should().ThrowAsync<ImpactWireFormatException>()).Which;

        (e.Field, e.Value).Should().Be((field, value));
    }

    [Fact]
    public async Task An_ftp_listing_with_a_negative_count_is_a_wire_format_error_naming_the_file_on_the_page()
    {
        var page = "{\"@page\":\"1\",\"@numpages\":\"1\",\"@nextpageuri\":\"\",\"FTPFileSubmissions\":[" + FtpFile("F-1", "5", "0") + "," + FtpFile("F-2", "5", "-2") + "]}";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(page));
        using var client = TestClients.Create(handler);

        var act = async () => await client.GetFtpSubmissionsAsync().ToListAsync();

        var e = (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which;
        (e.Field, e.Value).Should().Be(("FTPFileSubmissions[1].TotalErrors", "-2"));
    }

    [Fact]
    public async Task A_page_that_is_not_the_page_requested_is_a_wire_format_error_naming_page()
    {
        // Asked for page 3, answered page 5.
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{\"@page\":\"5\",\"@numpages\":\"9\",\"@nextpageuri\":\"\",\"APISubmission\":[]}"));
        using var client = TestClients.Create(handler);

        var act = async () => await client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { StartPage = 3 }).ToListAsync();

        var e = (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which;
        (e.Field, e.Value).Should().Be(("@page", "5"));
        e.Message.Should().Contain("page 5").And.Contain("page 3");
    }

    [Fact]
    public async Task A_conversion_answer_cut_short_says_the_conversion_may_have_been_queued_and_how_to_check()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json("{\"Status\":\"QUEUED\",\"QueuedUri\":\"/Advert"));
        using var client = TestClients.Create(handler);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse("CampaignId=1001&ActionTrackerId=4000&EventDate=2026-01-02T03:04:05-08:00&OrderId=O-1&ClickId=c1"));

        var e = (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which;
        e.Message.Should().Contain("may have been queued").And.Contain("OrderId").And.Contain("truncated");
        e.Field.Should().Be("QueuedUri");
        handler.Calls.Should().Be(1, "a POST that reached impact.com is never sent twice");
    }

    [Fact]
    public async Task An_empty_conversion_answer_also_says_the_conversion_may_have_been_queued()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(string.Empty));
        using var client = TestClients.Create(handler);

        var act = () => client.SubmitConversionAsync(SubmissionPayload.Parse("CampaignId=1001&ActionTrackerId=4000&EventDate=2026-01-02T03:04:05-08:00&OrderId=O-1&ClickId=c1"));

        (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which.Message.Should().Contain("may have been queued").And.Contain("OrderId");
    }

    [Fact]
    public async Task A_truncated_page_names_the_field_it_stopped_in()
    {
        var page = "{\"@page\":\"1\",\"APISubmission\":[" + TestClients.Submission("A-1") + ",{\"BatchId\":\"A-2\",\"Payload\":\"CampaignId=10";
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(page));
        using var client = TestClients.Create(handler, TestClients.FastOptions(maxRetries: 0));

        var act = async () => await client.GetApiSubmissionsAsync().ToListAsync();

        var e = (await act.Should().ThrowAsync<ImpactWireFormatException>()).Which;
        e.IsTruncated.Should().BeTrue();
        e.Field.Should().Be("APISubmission[1].Payload");
        e.Message.Should().Contain("'APISubmission[1].Payload'");
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_batch_id_of_dots_is_an_argument_error_naming_the_callers_parameter(string batchId)
    {
        using var client = TestClients.Create(new ScriptedHandler((_, _) => ScriptedHandler.Json("{}")));

        (await ((Func<Task>)(() => client.GetApiSubmissionAsync(batchId))).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("batchId");
        (await ((Func<Task>)(() => client.GetFtpSubmissionAsync(batchId))).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("batchId");
        ((Action)(() => client.GetFtpErrorDetailsAsync(batchId))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("batchId");
    }

    [Fact]
    public async Task The_cli_get_of_a_batch_id_answered_with_another_record_prints_one_line_and_exits_2()
    {
        await using var server = new LoopbackServer((_, stream, token) => Answer(stream, TestClients.Submission("A-other"), token));
        var cli = Cli(server);

        var result = await cli.RunAsync("get", "A-1");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Output.Should().NotContain("A-other");
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("BatchId").And.Contain("A-other");
    }

    [Fact]
    public async Task The_cli_ftp_list_with_a_negative_count_prints_one_line_and_exits_2()
    {
        var page = "{\"@page\":\"1\",\"@numpages\":\"1\",\"@nextpageuri\":\"\",\"FTPFileSubmissions\":[" + FtpFile("F-1", "5", "-4") + "]}";
        await using var server = new LoopbackServer((_, stream, token) => Answer(stream, page, token));
        var cli = Cli(server);

        var result = await cli.RunAsync("ftp", "list");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Output.Should().NotContain("with failed records");
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("TotalErrors").And.Contain("-4");
    }

    private static CliHarness Cli(LoopbackServer server)
    {
        var cli = new CliHarness();
        cli.Variables["IMPACT_ACCOUNT_SID"] = TestClients.Sid;
        cli.Variables["IMPACT_AUTH_TOKEN"] = TestClients.Token;
        cli.Variables["IMPACT_BASE_URL"] = server.BaseAddress.AbsoluteUri;
        return cli;
    }

    private static Task Answer(System.Net.Sockets.NetworkStream stream, string body, System.Threading.CancellationToken token) =>
        LoopbackServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}", token);

    private static string FtpFile(string batchId, string records, string errors) =>
        "{\"BatchId\":\"" + batchId + "\",\"AccountId\":\"10001\",\"FileName\":\"a.csv\",\"Type\":\"Conversion\",\"Status\":\"Complete\",\"TotalRecords\":\"" + records + "\",\"TotalErrors\":\"" + errors + "\",\"ErrorsUri\":\"/Advertisers/IRsid4567/FTPFileSubmissions/" + batchId + "/ErrorDetails\",\"Uri\":\"/Advertisers/IRsid4567/FTPFileSubmissions/" + batchId + "\"}";
}
