using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FluentAssertions;
using Impact.ApiSubmissions.Cli.Commands;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Cli.Output;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>The README and --help list every exit code the tool uses.</summary>
public sealed class CliDocumentationTests
{
    private static readonly int[] Codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!).ToArray();

    [Fact]
    public void The_README_section_documents_every_exit_code_and_the_first_command()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var section = readme[readme.IndexOf("## Command-line tool", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];

        readme.Should().Contain("dotnet run --project src/Impact.ApiSubmissions.Cli -- list --demo");
        Codes.Should().OnlyContain(code => section.Contains($"\n| {code} |", StringComparison.Ordinal));
    }

    [Fact]
    public void The_README_states_the_deadlines_the_tool_uses()
    {
        var readme = string.Join(" ", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var retry = new ApiSubmissionsRetryOptions();
        var terminal = new CliEnvironment { Out = Spectre.Console.AnsiConsole.Console, RawOut = TextWriter.Null, Error = TextWriter.Null };

        readme.Should().Contain($"Each request to impact.com gives up after {Display.Duration(retry.OverallTimeout!.Value)} with its retries ({retry.MaxRetries}), each attempt after {Display.Duration(retry.AttemptTimeout!.Value)}")
            .And.Contain($"(default {Display.Duration(WaitTiming.DefaultTimeout)})")
            .And.Contain($"a request left unanswered for {Display.Duration(terminal.WaitingNoticeAfter)} prints what the tool is waiting for");
    }

    [Fact]
    public async Task Help_documents_every_exit_code()
    {
        var result = await new CliHarness().RunAsync("--help");

        var lines = result.Output.Split('\n').Select(l => l.Trim()).ToList();
        Codes.Should().OnlyContain(code => lines.Any(l => l.StartsWith(code + "  ", StringComparison.Ordinal)));
    }
}
