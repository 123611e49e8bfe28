using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Packaging;

/// <summary>
/// "Referencing the generated package": the packed SDK holds what a user needs, and a fresh console project that
/// restores it from a local feed only runs against the mock impact.com. Catches a missing file or dependency.
/// </summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class PackageConsumptionTests
{
    private readonly PackedSdk _sdk;

    public PackageConsumptionTests(PackedSdk sdk) => _sdk = sdk;

    [Fact]
    public void The_package_holds_both_targets_their_docs_the_readme_and_only_runtime_dependencies()
    {
        // Whatever the clone's remote (SourceLink stays off without a GitHub one), packing is quiet.
        _sdk.PackOutput.Should().NotContainEquivalentOf("warning");

        var nupkg = Path.Combine(_sdk.Feed, $"Impact.ApiSubmissions.{_sdk.Version}.nupkg");
        File.Exists(nupkg).Should().BeTrue();
        File.Exists(Path.ChangeExtension(nupkg, ".snupkg")).Should().BeTrue("symbols ship as a .snupkg");
        using var package = ZipFile.OpenRead(nupkg);
        var entries = package.Entries.Select(e => e.FullName).ToList();
        entries.Should().Contain(new[]
        {
            "lib/netstandard2.0/Impact.ApiSubmissions.dll", "lib/netstandard2.0/Impact.ApiSubmissions.xml",
            "lib/net8.0/Impact.ApiSubmissions.dll", "lib/net8.0/Impact.ApiSubmissions.xml", "README.md",
        });
        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        metadata.Element(ns + "license")!.Value.Should().Be("MIT");
        metadata.Element(ns + "readme")!.Value.Should().Be("README.md");
        metadata.Element(ns + "repository")!.Attribute("type")!.Value.Should().Be("git");
        metadata.Element(ns + "description")!.Value.Should().NotBeNullOrWhiteSpace();
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).Distinct().ToList();
        dependencies.Should().Contain(new[] { "Newtonsoft.Json", "Polly.Core" });
        dependencies.Should().NotContain(d => d.StartsWith("NSwag", StringComparison.Ordinal) || d.StartsWith("Microsoft.Extensions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fresh_console_project_restores_the_packed_sdk_and_calls_the_mock_server()
    {
        var app = _sdk.CreateConsoleApp("Consumer", """
            using Impact.ApiSubmissions;

            var (baseUrl, sid, token) = (args[0], args[1], args[2]);
            using var client = new ApiSubmissionsClient(new ImpactCredentials(sid, token), new ApiSubmissionsClientOptions { BaseAddress = new Uri(baseUrl) });
            var count = 0;
            var failed = 0;
            string? firstId = null;
            await foreach (var s in client.GetApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 25 }))
            {
                count++;
                failed += s.HasErrors ? 1 : 0;
                firstId ??= s.BatchId;
            }

            var one = await client.GetApiSubmissionAsync(firstId!);
            Console.WriteLine($"listed={count} failed={failed} first={one.BatchId} status={one.Status}");
            """);

        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 3, SubmissionCount = 60 });
        await PackedSdk.Dotnet(app, "build", "-c", "Release");
        var (output, _) = await PackedSdk.Dotnet(app, "run", "-c", "Release", "--no-build", "--", server.BaseUrl, server.AccountSid, server.AuthToken);

        var first = server.Submissions[0];
        output.Trim().Split('\n').Last().Should().Be(
            $"listed=60 failed={server.Submissions.Count(s => s.HasErrors)} first={first.BatchId} status={first.Status}");
    }
}
