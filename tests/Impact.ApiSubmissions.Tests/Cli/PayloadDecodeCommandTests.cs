using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

public sealed class PayloadDecodeCommandTests
{
    private const string Valid =
        "CampaignId=1000&EventTypeId=4000&ClickId=abc&EventDate=2024-08-01T23:55:24-08:00&OrderId=0012&CurrencyCode=USD&Note=50%25+off"
        + "&ItemSku1=12345&ItemName1=Anvil%20Pro&ItemQuantity1=2&ItemPrice1=10&ItemText1_3=red";

    private const string Broken = "CampaignId=1000&EventDate=2024-08-01T23:55:24&ItemSku1=1&ItemQuantity1=two&CurrencyCode=USD";

    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Decodes_an_argument_into_fields_and_items_offline()
    {
        var result = await _cli.RunAsync("payload", "decode", Valid);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should()
            .Contain("│ OrderId      │ 0012 ")
            .And.Contain("│ Note         │ 50% off ")
            .And.Contain("│ # │ Sku   │ Name      │ Quantity │ Price │ Text_3 │")
            .And.Contain("│ 1 │ 12345 │ Anvil Pro │        2 │    10 │ red    │")
            .And.Contain("1 item, 2 units, 20.00 USD at item prices")
            .And.Contain("No problems found (checked as a Conversion).");
    }

    [Fact]
    public async Task Reads_standard_input_when_no_argument_is_given()
    {
        _cli.StandardInput = Valid + "\n";

        var result = await _cli.RunAsync("payload", "decode");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("│ 1 │ 12345 │ Anvil Pro │");
    }

    [Fact]
    public async Task Lists_the_problems_and_exits_3()
    {
        var result = await _cli.RunAsync("payload", "decode", Broken);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Output.Should()
            .Contain("6 problems (checked as a Conversion):")
            .And.Contain("DateWithoutOffset: EventDate is \"2024-08-01T23:55:24\"")
            .And.Contain("InvalidNumber: ItemQuantity1 is \"two\", which is not a whole number.")
            .And.Contain("MissingRequiredKey: OrderId");
    }

    [Fact]
    public async Task Checks_as_the_given_type()
    {
        var result = await _cli.RunAsync("payload", "decode", "CampaignId=1000&ActionId=1000.4000.1234567&Reason=RETURNED", "--type", "reversal");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("│ ActionId   │ 1000.4000.1234567 │ not a documented key; kept as sent │").And.Contain("checked as a Reversal");
    }

    [Fact]
    public async Task Json_output_holds_fields_items_and_problems()
    {
        var result = await _cli.RunAsync("payload", "decode", Broken, "--format", "json");

        result.ExitCode.Should().Be(3);
        result.Output.Should().BeEmpty();
        var json = JObject.Parse(result.RawOutput);
        json["fields"]!.Select(f => (string)f["key"]!).Should().Equal("CampaignId", "EventDate", "ItemSku1", "ItemQuantity1", "CurrencyCode");
        json["items"]![0]!["fields"]!["Quantity"]!.Value<string>().Should().Be("two");
        json["problems"]!.Select(p => (string)p["kind"]!).Should().Equal(
            "DateWithoutOffset", "InvalidNumber", "MissingRequiredKey", "MissingOneOf", "MissingOneOf", "MissingOneOf");
    }

    [Fact]
    public async Task Without_a_payload_on_a_terminal_it_says_how_to_give_one()
    {
        var result = await _cli.RunAsync("payload", "decode");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: Which payload? Give it in quotes");
    }

    [Fact]
    public async Task An_unknown_type_lists_the_valid_ones()
    {
        var result = await _cli.RunAsync("payload", "decode", Valid, "--type", "Refund");

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().Equal($"error: Unknown type 'Refund' for --type: use one of {string.Join(", ", SubmissionType.KnownValues)}.");
    }
}
