using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Impact.ApiSubmissions.Tests.Packaging;

/// <summary>
/// "Referencing the generated package": pack the SDK into a temp folder, create a fresh console project that
/// restores it from that folder only, and run it against the mock impact.com. Catches a missing file or dependency.
/// </summary>
[Trait("Category", "Package")]
public sealed class PackageConsumptionTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "impact-package-test-" + Guid.NewGuid().ToString("N")[..8]);
    // A version no cache has seen, so the consumer restores exactly this build.
    private readonly string _version = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N")[..6];

    public PackageConsumptionTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_work);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_fresh_console_project_restores_the_packed_sdk_and_calls_the_mock_server()
    {
        var feed = Path.Combine(_work, "feed");
        var packed = await Dotnet(RepoRoot(), "pack", "src/Impact.ApiSubmissions/Impact.ApiSubmissions.csproj", "-c", "Release", "-o", feed, $"-p:Version={_version}", "-p:ContinuousIntegrationBuild=true");
        // Whatever the clone's remote (SourceLink stays off without a GitHub one), packing is quiet.
        packed.Should().NotContainEquivalentOf("warning");

        var nupkg = Path.Combine(feed, $"Impact.ApiSubmissions.{_version}.nupkg");
        File.Exists(nupkg).Should().BeTrue();
        File.Exists(Path.ChangeExtension(nupkg, ".snupkg")).Should().BeTrue("symbols ship as a .snupkg");
        using (var package = ZipFile.OpenRead(nupkg))
        {
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

        var app = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Impact.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Impact.ApiSubmissions" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Impact.ApiSubmissions;

            var (baseUrl, sid, token) = (args[0], args[1], args[2]);
            using var client = new ApiSubmissionsClient(new ImpactCredentials(sid, token), new ApiSubmissionsClientOptions { BaseAddress = new Uri(baseUrl) });
            var count = 0;
            var failed = 0;
            string? firstId = null;
            await foreach (var s in client.ListAllApiSubmissionsAsync(new ApiSubmissionListOptions { PageSize = 25 }))
            {
                count++;
                failed += s.HasErrors ? 1 : 0;
                firstId ??= s.BatchId;
            }

            var one = await client.GetApiSubmissionAsync(firstId!);
            Console.WriteLine($"listed={count} failed={failed} first={one.BatchId} status={one.Status}");
            """);
        // The repository's Directory.*.props must not leak into the consumer: it stands alone like a user's project.
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_work, "Directory.Packages.props"), "<Project />");

        using var server = ImpactMockServer.Start(new ImpactMockServerOptions { Seed = 3, SubmissionCount = 60 });
        await Dotnet(app, "build", "-c", "Release");
        var output = await Dotnet(app, "run", "-c", "Release", "--no-build", "--", server.BaseUrl, server.AccountSid, server.AuthToken);

        var first = server.Submissions[0];
        output.Trim().Split('\n').Last().Should().Be(
            $"listed=60 failed={server.Submissions.Count(s => s.HasErrors)} first={first.BatchId} status={first.Status}");
    }

    private async Task<string> Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point a nested build at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var text = await stdout + await stderr;
        _output.WriteLine($"$ dotnet {string.Join(' ', arguments)}\n{text}");
        process.ExitCode.Should().Be(0, $"dotnet {string.Join(' ', arguments)} failed:\n{text}");
        return await stdout;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
