using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Connection;
using Impact.ApiSubmissions.Serialization;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

public sealed class GetCommandTests : IClassFixture<SharedMockServer>
{
    private const string FailedId = "A-f4i1ed00-0000-4000-8000-000000000001";
    private const string Payload =
        "CampaignId=1000&EventTypeId=4000&EventDate=2024-08-01T23:55:24-08:00&OrderId=1234567890123"
        + "&ClickId=SKhRQaSXwxyOUQ%253AwUx0Mo36FUkiXxtxVUQTEzY0&CurrencyCode=USD&IpAddress=12.345.678.90"
        + "&ItemSku1=12345&ItemName1=Anvil&ItemCategory1=Anvils&ItemQuantity1=2&ItemPrice1=10"
        + "&ItemSku2=55555&ItemName2=Hammer&ItemCategory2=Hammers&ItemQuantity2=1&ItemPrice2=6.99";

    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;
    private readonly ApiSubmission _failed;

    public GetCommandTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 5, SubmissionCount = 10 });
        _cli = CliHarness.For(_server);
        _failed = _server.Add(new ApiSubmissionBuilder()
            .WithBatchId(FailedId)
            .WithSubmissionDate(new DateTimeOffset(2024, 8, 2, 9, 50, 12, TimeSpan.FromHours(-7)))
            .WithCompletionDate(new DateTimeOffset(2024, 8, 2, 9, 54, 30, TimeSpan.FromHours(-7)))
            .WithOrderId("1234567890123")
            .WithPayload(Payload)
            .WithErrors("Contract Error", "CONTRACT_NOT_FOUND", "SOMETHING_NEW"));
    }


    [Fact]
    public async Task Shows_every_field_the_outcome_and_each_reason_with_its_meaning()
    {
        var result = await _cli.RunAsync("get", FailedId);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().BeEmpty();
        result.Output.Should()
            .Contain("Submission " + FailedId)
            .And.Contain("Processed with errors: Contract Error: CONTRACT_NOT_FOUND, SOMETHING_NEW.");

        // The labels' column is as wide as the longest field name, which a field added to the spec widens: the
        // expected rows are found by label and value, and their values must all start in one column.
        var rows = new (string Label, string Value)[]
        {
            ("SubmissionDate", "2024-08-02 09:50:12 -07:00"),
            ("CompletionDate", "2024-08-02 09:54:30 -07:00"),
            ("Processing time", "4 min 18 s"),
            ("ErrorType", "Contract Error"),
            ("OrderId", "1234567890123"),
            ("Uri", _failed.Uri!),
        };
        var columns = rows.Select(row => ValueColumn(result.Output, row.Label, row.Value)).ToList();
        columns.Distinct().Should().ContainSingle("every value starts in the same column:\n{0}", result.Output);

        foreach (var (code, meaning) in new[]
        {
            ("CONTRACT_NOT_FOUND", "There was no contract with the partner when the event was submitted."),
            ("SOMETHING_NEW", "Not documented by impact.com when this tool was built."),
        })
        {
            Regex.IsMatch(result.Output, $@"│ {code} +│ {Regex.Escape(meaning)}").Should().BeTrue("the reasons table explains {0}:\n{1}", code, result.Output);
        }
    }

    /// <summary>The column where <paramref name="value"/> starts on the field row labelled <paramref name="label"/>.</summary>
    private static int ValueColumn(string output, string label, string value)
    {
        var match = Regex.Match(output, $@"^{Regex.Escape(label)} +(?={Regex.Escape(value)} *$)", RegexOptions.Multiline);
        match.Success.Should().BeTrue("a row shows {0} as {1}:\n{2}", label, value, output);
        return match.Length;
    }

    [Fact]
    public async Task Shows_the_decoded_payload_as_fields_and_items_and_checks_it()
    {
        var result = await _cli.RunAsync("get", FailedId);

        result.Output.Should()
            .Contain("│ EventDate    │ 2024-08-01T23:55:24-08:00")
            .And.Contain("│ ClickId      │ SKhRQaSXwxyOUQ%3AwUx0Mo36FUkiXxtxVUQTEzY0 │ still holds %XX after decoding: sent encoded twice?")
            .And.Contain("│ IpAddress    │ 12.345.678.90")
            .And.Contain("│ # │ Sku   │ Name   │ Category │ Quantity │ Price │")
            .And.Contain("│ 2 │ 55555 │ Hammer │ Hammers  │        1 │  6.99 │")
            .And.Contain("2 items, 3 units, 26.99 USD at item prices")
            .And.Contain("No problems found (checked as a Conversion).");
        result.Output.Should().NotContain("│ ItemSku1", "item keys are in the items table");
    }

    [Fact]
    public async Task A_QueuedUri_finds_the_same_submission()
    {
        var result = await _cli.RunAsync("get", _failed.Uri!);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Submission " + FailedId);
    }

    [Fact]
    public async Task Json_output_is_the_submission_as_sent()
    {
        var result = await _cli.RunAsync("get", FailedId, "--format", "json");

        result.ExitCode.Should().Be(0);
        result.Output.Should().BeEmpty();
        SubmissionRows.Of(ImpactJson.Deserialize<ApiSubmission>(result.RawOutput)).Should().Equal(SubmissionRows.Of(_failed));
    }

    [Fact]
    public async Task An_unknown_BatchId_is_one_line_and_exit_code_2()
    {
        var result = await _cli.RunAsync("get", "A-00000000-0000-0000-0000-000000000404");

        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith("error: impact.com has no submission with BatchId 'A-00000000-0000-0000-0000-000000000404' (404)");
    }

    [Fact]
    public async Task Without_a_BatchId_it_says_what_is_missing()
    {
        var result = await _cli.RunAsync("get");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal("error: Which submission? Give its BatchId or QueuedUri: impact-submissions get <BATCHID>.");
        _server.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Demo_mode_without_a_BatchId_shows_a_failed_submission()
    {
        var result = await new CliHarness().RunAsync("get", "--demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should()
            .Contain("Demo: a submission that failed.")
            .And.Contain("Submission " + DemoServer.FailedBatchId)
            .And.Contain("RESTRICTED_PROMOCODE │ The promo code ties the event to another partner's channel.")
            .And.Contain("│ 1 │ 12345 │ Anvil  │ Anvils   │        2 │    10 │");
    }
}
