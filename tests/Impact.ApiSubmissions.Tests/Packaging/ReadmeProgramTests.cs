using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Packaging;

/// <summary>
/// The README's C# from "First call" up to "Dependency injection" is one program, as the README says: its blocks,
/// in order, are Program.cs of a new console app on the packed SDK, which builds and runs against the mock impact.com
/// with the variables the mock prints.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class ReadmeProgramTests
{
    private readonly PackedSdk _sdk;

    public ReadmeProgramTests(PackedSdk sdk) => _sdk = sdk;

    /// <summary>The README's C# blocks from "## First call" to "## Dependency injection", in order.</summary>
    public static IReadOnlyList<string> ProgramBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(PackedSdk.RepoRoot(), "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("\n## First call\n", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## Dependency injection\n", StringComparison.Ordinal);
        start.Should().BePositive();
        end.Should().BeGreaterThan(start);
        return Regex.Matches(readme[start..end], "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void The_program_starts_with_its_usings_and_declarations()
    {
        var first = ProgramBlocks()[0];

        first.Should().StartWith("using Impact.ApiSubmissions;\nusing static System.Console;\n");
        foreach (var declared in new[] { "string accountSid", "string authToken", "string batchId", "CancellationToken cancellationToken", "BaseAddress = baseAddress" })
        {
            first.Should().Contain(declared);
        }
    }

    [Fact]
    public async Task Pasted_in_order_into_a_new_console_app_it_builds_and_runs_against_the_mock()
    {
        var program = string.Join("\n", ProgramBlocks());
        var app = _sdk.CreateConsoleApp("ReadmeProgram", program);

        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 11, SubmissionCount = 120, FtpFileSubmissionCount = 8 });
        // The newest FTP file is one being processed, so the FTP example's wait sees it complete.
        var uploaded = server.AddProgressingFtpFileSubmission(ApiSubmissionsModelFactory.FtpFileSubmission(), getsPerStatus: 1);
        var failed = server.Submissions.First(s => s.HasErrors && s.Type == SubmissionType.Conversion && s.ParsePayload().Items.Count > 0);
        await PackedSdk.Dotnet(app, "build", "-c", "Release");
        var environment = new Dictionary<string, string>
        {
            ["IMPACT_ACCOUNT_SID"] = server.AccountSid,
            ["IMPACT_AUTH_TOKEN"] = server.AuthToken,
            ["IMPACT_BASE_URL"] = server.BaseUrl,
        };
        var (exitCode, output, error) = await PackedSdk.Run(app, environment, "run", "-c", "Release", "--no-build", "--", failed.BatchId!);

        exitCode.Should().Be(0, $"the README's program runs:\n{output}\n{error}");
        var lines = output.Replace("\r\n", "\n").Split('\n');
        lines.Should().Contain($"{failed.BatchId}: Complete")
            .And.Contain($"page 1 of {(server.Submissions.Count + 99) / 100}: 100 submissions")
            .And.Contain($"{failed.BatchId} is Complete")
            .And.Contain(l => l.StartsWith($"campaign {failed.CampaignId}, order ", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("impact.com has no submission with BatchId 'A-00000000-0000-0000-0000-000000000000' (404)", StringComparison.Ordinal))
            .And.Contain($"{failed.BatchId} read again, each attempt logged")
            .And.Contain($"{uploaded.FileName}: Complete");
        server.ReceivedRequests.Should().Contain(r => r.Method == "GET" && r.PathAndQuery.Contains("/FTPFileSubmissions", StringComparison.Ordinal), "the FTP example ran");
    }
}
