using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>What a newcomer hit: version after a command, --demo with --base-url, the json rule, errors as json, demo data.</summary>
public sealed class RoughEdgeTests : IClassFixture<SharedMockServer>
{
    private readonly ImpactMockServer _server;

    public RoughEdgeTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 40 });
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("get", "--version")]
    [InlineData("payload", "decode", "--version")]
    public async Task Version_after_a_command_prints_the_version(params string[] args)
    {
        var result = await new CliHarness().RunAsync(args);

        result.ExitCode.Should().Be(0, result.ToString());
        result.RawOutput.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Short_v_alone_says_it_is_verbose_and_names_the_version_option()
    {
        var result = await new CliHarness().RunAsync("-v");

        result.ExitCode.Should().Be(1, result.ToString());
        result.ErrorLines.Should().Equal("error: -v is --verbose, as in the dotnet CLI; the version is --version.");
        result.RawOutput.Should().BeEmpty();
    }

    [Theory]
    [InlineData("list", "--since", "someday", "-v")]
    [InlineData("list", "--no-such-option", "--verbose")]
    public async Task A_mistake_on_the_command_line_is_one_line_even_with_verbose(params string[] args)
    {
        var result = await CliHarness.For(_server).RunAsync(args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: ");
    }

    [Fact]
    public async Task Mock_on_a_port_in_use_says_so_in_one_line()
    {
        var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var result = await new CliHarness().RunAsync("mock", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

            result.ExitCode.Should().Be(1, result.ToString());
            result.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"error: Cannot listen on 127.0.0.1:{port}: the port is in use");
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Mock_with_an_empty_mappings_folder_names_it()
    {
        var empty = System.IO.Directory.CreateTempSubdirectory("impact-no-mappings-");
        try
        {
            var result = await new CliHarness().RunAsync("mock", "--mappings", empty.FullName);

            result.ExitCode.Should().Be(1, result.ToString());
            result.ErrorLines.Should().ContainSingle().Which.Should().Contain("holds no WireMock mapping files");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Demo_refuses_a_base_url_instead_of_ignoring_it()
    {
        var result = await new CliHarness().RunAsync("list", "--demo", "--base-url", "https://api.impact.com");

        result.ExitCode.Should().Be(1, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: --demo runs against the built-in mock and cannot be combined with --base-url");
    }

    [Fact]
    public async Task Json_output_follows_one_rule_every_value_a_string_and_absent_is_empty()
    {
        _server.Add(new ApiSubmissionBuilder().WithBatchId("A-absent-values").WithMediaPartnerId(null).WithOrderId(null));

        var result = await CliHarness.For(_server).RunAsync("list", "--format", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var items = ((JArray)Impact.ApiSubmissions.Tests.MockServer.MockHttp.ParseToken(result.RawOutput)).Cast<JObject>().ToList();
        items.Should().HaveCount(41);
        items.SelectMany(i => i.Properties()).Should().OnlyContain(p => p.Value.Type == JTokenType.String, "impact.com writes every value as a string");
        var absent = items.Single(i => (string?)i["BatchId"] == "A-absent-values");
        ((string?)absent["MediaPartnerId"]).Should().Be(string.Empty);
        ((string?)absent["OrderId"]).Should().Be(string.Empty);
        ((string?)absent["CampaignId"]).Should().MatchRegex("^[0-9]+$");
        var first = _server.Submissions[0];
        ((string?)items[0]["AccountId"]).Should().Be(first.AccountId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Errors_as_json_holds_the_same_counts_as_the_data()
    {
        var result = await CliHarness.For(_server).RunAsync("errors", "--format", "json", "--top", "3");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = JObject.Parse(result.RawOutput);
        var failed = _server.Submissions.Where(s => s.HasErrors).ToList();
        ((int)json["submissions"]!).Should().Be(40);
        ((int)json["withErrors"]!).Should().Be(failed.Count);
        json["byErrorType"]!.Select(t => ((string)t["errorType"]!, (int)t["count"]!))
            .Should().BeEquivalentTo(failed.GroupBy(s => s.ErrorType!.Value.ToString()).Select(g => (g.Key, g.Count())));
        var partners = failed.GroupBy(s => s.MediaPartnerId).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key ?? long.MaxValue).Take(3);
        json["topPartners"]!.Select(t => ((long?)t["mediaPartnerId"], (int)t["failures"]!)).Should().Equal(partners);
    }

    [Fact]
    public void Demo_and_generated_addresses_are_real_ipv4_addresses()
    {
        using var demo = Impact.ApiSubmissions.Cli.Connection.DemoServer.Start(TimeProvider.System);

        var addresses = demo.Server.Submissions.Select(s => s.ParsePayload().IpAddress).Where(a => a is not null).ToList();

        addresses.Should().HaveCountGreaterThan(200);
        addresses.Where(a => !IsDottedQuad(a!)).Should().BeEmpty("every address is a valid dotted quad");
    }

    private static bool IsDottedQuad(string text) => text.Split('.').Length == 4 && IPAddress.TryParse(text, out var ip) && ip.ToString() == text;
}
