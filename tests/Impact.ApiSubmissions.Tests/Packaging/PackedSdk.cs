using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Packaging;

/// <summary>The tests that consume the packed SDK share one pack (it takes most of their time).</summary>
[CollectionDefinition(Name)]
public sealed class PackedSdkCollection : ICollectionFixture<PackedSdk>
{
    public const string Name = "Packed SDK";
}

/// <summary>
/// The SDK and its companion packages (dependency injection, storage, testing) packed once, in one <c>dotnet pack</c>,
/// into a temp feed, at a version no NuGet cache has seen, and fresh console projects that restore them from that feed
/// only, as a user's project would.
/// </summary>
public sealed class PackedSdk : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "impact-packed-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(_work, "feed");

    /// <summary>The packages packed, each with its project under <c>src/</c>.</summary>
    public static readonly string[] Packages =
    {
        "Impact.ApiSubmissions", "Impact.ApiSubmissions.DependencyInjection", "Impact.ApiSubmissions.Storage", "Impact.ApiSubmissions.Testing",
    };

    public string Version { get; } = "0.2.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N")[..6];

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        // The repository's Directory.*.props must not leak into the consumers: each stands alone like a user's project.
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_work, "Directory.Packages.props"), "<Project />");
        // One solution filter, so that one pack builds the shared SDK once and the packages in parallel.
        var filter = Path.Combine(_work, "packages.slnf");
        File.WriteAllText(filter, new JObject
        {
            ["solution"] = new JObject
            {
                ["path"] = Path.Combine(RepoRoot(), "Generated.sln"),
                ["projects"] = new JArray(Packages.Select(p => $"src\\{p}\\{p}.csproj").ToArray<object>()),
            },
        }.ToString());
        // The test command built every project already: pack those binaries (the configuration this test assembly was
        // built in) under a version of their own, instead of compiling the four packages again.
        PackOutput = (await Dotnet(RepoRoot(), "pack", filter, "--no-build", "-c", Configuration(), $"-p:PackageOutputPath={Feed}", $"-p:PackageVersion={Version}")).Output;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A new console project (net10.0, implicit usings, nullable) that holds <paramref name="program"/> and references
    /// <paramref name="packages"/> (id and version; an Impact.* package at the packed version), by default the packed SDK alone.
    /// </summary>
    public string CreateConsoleApp(string name, string program, IReadOnlyList<(string Id, string Version)>? packages = null)
    {
        packages ??= new[] { ("Impact.ApiSubmissions", Version) };
        var references = string.Join("\n    ", packages.Select(p =>
            $"<PackageReference Include=\"{p.Id}\" Version=\"{(p.Id.StartsWith("Impact.", StringComparison.Ordinal) ? Version : p.Version)}\" />"));
        var app = Path.Combine(_work, name);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Impact.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);
        return app;
    }

    /// <summary>Runs <c>dotnet</c> with the test host's MSBuild variables removed; returns its exit code and output (stdout, then stderr).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point a nested build at the wrong SDK pieces.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs <c>dotnet</c> and fails the test when it exits with an error.</summary>
    public static async Task<(string Output, string Error)> Dotnet(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output, error) = await Run(workingDirectory, null, arguments);
        exitCode.Should().Be(0, $"dotnet {string.Join(' ', arguments)} failed:\n{output}{error}");
        return (output, error);
    }

    // bin/<Configuration>/<tfm>/ of this test assembly.
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
