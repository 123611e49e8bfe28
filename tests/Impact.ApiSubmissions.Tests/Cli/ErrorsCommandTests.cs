using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Impact.ApiSubmissions.Tests.MockServer;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

public sealed class ErrorsCommandTests : IClassFixture<SharedMockServer>
{
    private readonly ImpactMockServer _server;
    private readonly CliHarness _cli;

    public ErrorsCommandTests(SharedMockServer shared)
    {
        _server = shared.StartOrReset(new ImpactMockServerOptions { Seed = 21, SubmissionCount = 80 });
        _cli = CliHarness.For(_server);
    }


    [Fact]
    public async Task Counts_failures_by_type_and_reason_with_what_each_reason_means()
    {
        var result = await _cli.RunAsync("errors", "--page-size", "30");

        result.ExitCode.Should().Be(0, result.ToString());
        var failed = _server.Submissions.Where(s => s.HasErrors).ToList();
        result.Output.Should().Contain($"80 submissions read: {failed.Count} with errors (");
        var lines = result.Output.Split('\n');
        foreach (var type in failed.GroupBy(s => s.ErrorType!.Value))
        {
            lines.Should().Contain(l => l.Trim().StartsWith(type.Key.ToString() + "  ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" " + type.Count(), StringComparison.Ordinal));
        }

        foreach (var reason in failed.SelectMany(s => s.ErrorReasons).GroupBy(r => r))
        {
            lines.Should().Contain(l => l.Trim().StartsWith(reason.Key.Code + "  ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" " + reason.Count(), StringComparison.Ordinal), reason.Key.Code + " has a bar");
            lines.Should().Contain(l => l.StartsWith(reason.Key.Code, StringComparison.Ordinal) && l.Contains(reason.Key.Description!, StringComparison.Ordinal), reason.Key.Code + " is explained");
        }
    }

    [Fact]
    public async Task Names_the_programs_and_partners_with_the_most_failures()
    {
        var result = await _cli.RunAsync("errors", "--top", "1");

        var failed = _server.Submissions.Where(s => s.HasErrors).ToList();
        var program = failed.GroupBy(s => s.CampaignId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var submissions = _server.Submissions.Count(s => s.CampaignId == program.Key);
        result.Output.Should().Contain("Programs with the most failures");
        var row = result.Output.Split('\n').SkipWhile(l => !l.Contains("Program (CampaignId)", StringComparison.Ordinal)).Skip(2).First();
        row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3)
            .Should().Equal(program.Key.ToString(), program.Count().ToString(), submissions.ToString());
        result.Output.Should().Contain("Partners with the most failures").And.Contain("Partner (MediaPartnerId)");
        var partner = failed.GroupBy(s => s.MediaPartnerId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key ?? long.MaxValue).First();
        var partnerSubmissions = _server.Submissions.Count(s => s.MediaPartnerId == partner.Key);
        var partnerRow = result.Output.Split('\n').SkipWhile(l => !l.Contains("Partner (MediaPartnerId)", StringComparison.Ordinal)).Skip(2).First();
        partnerRow.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3)
            .Should().Equal(partner.Key?.ToString() ?? "(no partner credited)", partner.Count().ToString(), partnerSubmissions.ToString());
    }

    [Theory]
    [InlineData(8, 3, "38%")] // 37.5 rounds up
    [InlineData(3, 1, "33%")]
    [InlineData(200, 1, "1%")] // 0.5 rounds up, not to even
    [InlineData(7, 7, "100%")]
    public async Task The_failure_share_is_a_whole_percentage_rounded_half_up(int submissions, int failures, string share)
    {
        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { SubmissionCount = 0 });
        for (var i = 0; i < submissions; i++)
        {
            var builder = new ApiSubmissionBuilder().WithBatchId($"A-share-{i}");
            server.Add(i < failures ? builder.WithErrors("Validation", "OID_MISSING") : builder);
        }

        var result = await CliHarness.For(server).RunAsync("errors");

        result.Output.Should().Contain($"{submissions} submissions read: {failures} with errors ({share}).", result.ToString());
    }

    [Fact]
    public async Task Without_failures_it_says_so()
    {
        var result = await _cli.RunAsync("errors", "--status", "Queued");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("with errors (0%).").And.Contain("No errors.");
    }
}
