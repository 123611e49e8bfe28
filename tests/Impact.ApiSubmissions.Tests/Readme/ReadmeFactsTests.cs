using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using FluentAssertions;
using Impact.ApiSubmissions.Tests.Cli;
using Impact.ApiSubmissions.Tests.PublicApi;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Readme;

/// <summary>
/// What the README states about this repository, checked against it: the package version, every path it names,
/// the accept command, and the example output of the CLI, so none of them can go stale.
/// </summary>
public class ReadmeFactsTests
{
    private static readonly string Root = Packaging.PackedSdk.RepoRoot();
    private static readonly string Readme = File.ReadAllText(Path.Combine(Root, "README.md")).Replace("\r\n", "\n");

    [Fact]
    public void The_install_references_the_version_the_packages_are_built_with_and_the_changelog_describes_it()
    {
        var version = XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value;

        var references = Regex.Matches(Readme, "<PackageReference Include=\"(Impact[^\"]*)\" Version=\"([^\"]+)\"");
        references.Should().NotBeEmpty();
        references.Select(m => m.Groups[2].Value).Should().OnlyContain(v => v == version, "the README installs the version built here");
        File.ReadAllLines(Path.Combine(Root, "src", "CHANGELOG.md")).Should().Contain("## " + version);
        Readme.Should().Contain("(src/CHANGELOG.md)");
    }

    [Fact]
    public void Every_repository_path_the_README_names_exists()
    {
        // The generated file's path takes the configuration and target framework this test was built with.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var paths = Regex.Matches(Readme, @"(?<=[`(\s])((?:src|tests|openapi|\.ci)/[^\s`)]*)").Select(m => m.Groups[1].Value.TrimEnd('.', ',', ':')).Distinct().ToList();
        paths.Should().Contain("src/Impact.ApiSubmissions/obj/<configuration>/<tfm>/Generated/ApiSubmissionsClient.g.cs");

        foreach (var named in paths)
        {
            var path = named.Replace("<configuration>", configuration).Replace("<tfm>", "net8.0");
            Matches(path).Should().BeTrue("the README names {0}", named);
        }
    }

    [Fact]
    public void The_accept_command_is_the_one_the_snapshot_failure_gives()
    {
        var readmes = Readme + File.ReadAllText(Path.Combine(Root, "src", "README.md"));
        var commands = Regex.Matches(readmes, "IMPACT_ACCEPT_API=1 dotnet test [^`]*").Select(m => m.Value).Distinct().ToList();

        commands.Should().Equal(PublicApiSnapshotTests.AcceptCommand);
    }

    [Fact]
    public async Task The_list_example_is_what_the_demo_prints_today_but_for_its_dates()
    {
        const string Command = "$ dotnet run --project src/Impact.ApiSubmissions.Cli -- ";
        var block = Regex.Match(Readme, "```text\n(" + Regex.Escape(Command) + "list --demo[^\n]*)\n(.*?)```", RegexOptions.Singleline);
        block.Success.Should().BeTrue();
        var arguments = block.Groups[1].Value.Substring(Command.Length).Split(' ');

        var result = await new CliHarness().RunAsync(arguments);

        result.ExitCode.Should().Be(0, result.ToString());
        // The demo's submissions are dated within the last 90 days, so the dates change from day to day; the rest does not.
        Lines(block.Groups[2].Value).Should().Equal(Lines(result.Error + result.Output), "the README's example is today's output:\n{0}", result.Error + result.Output);
    }

    [Fact]
    public async Task The_mock_example_is_what_the_command_prints_but_for_its_port()
    {
        const string Command = "$ impact-submissions ";
        var block = Regex.Match(Readme, "```text\n(" + Regex.Escape(Command) + "mock [^\n]*)\n(.*?)```", RegexOptions.Singleline);
        block.Success.Should().BeTrue();
        var example = block.Groups[2].Value.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
        var arguments = block.Groups[1].Value.Substring(Command.Length).Split(' ').ToArray();
        var port = Array.IndexOf(arguments, "--port") + 1;
        port.Should().BePositive("the example shows a fixed port");
        var readmePort = arguments[port];
        arguments[port] = "0"; // A free one: the example's may be taken here.

        // Ctrl+C once the example's last line is out, as a user would press it.
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = new CtrlCAfter(example[^1], ctrlC);
        var result = await new CliHarness { RawOutput = output, Cancellation = ctrlC.Token }.RunAsync(arguments);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().BeEmpty();
        var printed = output.ToString().Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
        var baseUrl = printed.Single(l => l.StartsWith("Base URL:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var expected = example.Select(l => l.Replace("127.0.0.1:" + readmePort, new Uri(baseUrl).Authority)).ToArray();
        printed.Should().StartWith(expected, "the README's example is what `mock` prints (the port aside):\n{0}", output)
            .And.HaveCount(expected.Length + 1, "after Ctrl+C it only says that it stopped");
    }

    [Fact]
    public async Task The_resubmit_section_commands_run_as_written_against_the_demo()
    {
        const string Tool = "$ impact-submissions ";
        var block = Regex.Match(Readme, "```text\n(" + Regex.Escape(Tool) + "submit .*?)```", RegexOptions.Singleline);
        block.Success.Should().BeTrue();
        var commands = block.Groups[1].Value.Replace("\\\n", " ").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Substring(Tool.Length).Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        commands.Should().HaveCount(4);

        // The files the commands name are the user's: here in a folder of their own (the demo's sample conversion in conversion.txt).
        var folder = Path.Combine(Path.GetTempPath(), "impact-readme-commands-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "conversion.txt"), Impact.ApiSubmissions.Cli.Connection.DemoServer.SampleConversion);
            // Each against a demo of its own, all at once (two of them wait for impact.com to process what they sent).
            var results = await Task.WhenAll(commands.Select(command =>
                new CliHarness().RunAsync(command.Select(a => a is "conversion.txt" or "resubmitted.csv" ? Path.Combine(folder, a) : a).Append("--demo").ToArray())));

            for (var i = 0; i < commands.Count; i++)
            {
                results[i].ExitCode.Should().Be(0, "`impact-submissions {0} --demo` works as the README shows it:\n{1}", string.Join(' ', commands[i]), results[i]);
            }

            var report = File.ReadAllLines(Path.Combine(folder, "resubmitted.csv"));
            report.Should().HaveCount(4, "the report holds a header and the demo's three conversions sent to CampaignId 1099");
            report.Skip(1).Should().OnlyContain(row => row.Contains(",queued,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string[] Lines(string text) =>
        Regex.Replace(text, @"\d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2}", "<date>")
            .Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();

    /// <summary>A stdout that presses Ctrl+C once a line is out.</summary>
    private sealed class CtrlCAfter : StringWriter
    {
        private readonly string _line;
        private readonly CancellationTokenSource _ctrlC;

        public CtrlCAfter(string line, CancellationTokenSource ctrlC)
        {
            _line = line + "\n";
            _ctrlC = ctrlC;
        }

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        private void Check()
        {
            if (GetStringBuilder().ToString().Replace("\r\n", "\n").Contains(_line, StringComparison.Ordinal))
            {
                _ctrlC.Cancel();
            }
        }
    }

    private static bool Matches(string path)
    {
        var full = Path.Combine(Root, path);
        if (!path.Contains('*') && !path.Contains("..."))
        {
            return File.Exists(full) || Directory.Exists(full);
        }

        // A wildcard or an elided folder ("tests/.../Generation/X.cs"): some file under the fixed folders must fit.
        var segments = path.Split('/');
        var fixedFolders = string.Join("/", segments.TakeWhile(segment => !segment.Contains('*') && segment != "..."));
        var pattern = "^" + Regex.Escape(path).Replace(@"\.\.\.", ".*").Replace(@"\*", "[^/]*") + "$";
        return Directory.Exists(Path.Combine(Root, fixedFolders))
            && Directory.EnumerateFiles(Path.Combine(Root, fixedFolders), "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
                .Any(file => Regex.IsMatch(file, pattern));
    }
}
