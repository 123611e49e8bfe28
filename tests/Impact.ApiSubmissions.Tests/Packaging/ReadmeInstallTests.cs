using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Packaging;

/// <summary>
/// The README's Install commands as a user runs them: the package source they add must be usable from any
/// folder, so it is stored as an absolute path (a relative one is read against NuGet's own config folder: NU1301).
/// </summary>
public sealed class ReadmeInstallTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "impact-install-test-" + Guid.NewGuid().ToString("N")[..8]);

    public ReadmeInstallTests() => Directory.CreateDirectory(_work);

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
    public void The_install_section_packs_into_the_folder_it_adds_as_a_source()
    {
        var commands = InstallCommands();

        commands.Should().HaveCount(2);
        commands[0].Should().Be("dotnet pack -c Release -o ./artifacts/packages");
        commands[1].Should().StartWith("dotnet nuget add source ");
    }

    [Fact]
    public async Task The_added_source_is_an_absolute_path_that_works_from_any_folder()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return; // The README's commands are for a POSIX shell ($PWD).
        }

        // The temp folder stands in for the repository root; the user's NuGet config is never touched.
        var repo = Path.Combine(_work, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "artifacts", "packages"));
        var config = Path.Combine(_work, "nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /></packageSources></configuration>");

        var addSource = InstallCommands().Single(c => c.StartsWith("dotnet nuget add source ", StringComparison.Ordinal));
        await Shell(repo, $"{addSource} --configfile '{config}'");

        var stored = XDocument.Load(config).Descendants("add").Single(e => (string?)e.Attribute("key") == "impact-local").Attribute("value")!.Value;
        Path.IsPathRooted(stored).Should().BeTrue($"'{stored}' must not depend on the folder NuGet reads it from");
        Path.GetFullPath(stored).TrimEnd('/').Should().Be(Path.GetFullPath(Path.Combine(repo, "artifacts", "packages")));
    }

    private static System.Collections.Generic.List<string> InstallCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var section = Regex.Match(readme, @"^## Install\n(.*?)^## ", RegexOptions.Singleline | RegexOptions.Multiline).Groups[1].Value;
        var block = Regex.Match(section, @"```bash\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        return block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static async Task Shell(string workingDirectory, string command)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        process.ExitCode.Should().Be(0, $"{command} failed:\n{await stdout}{await stderr}");
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
