using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>The README's first command: <c>list --demo</c> works with no credentials and no network.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task List_demo_needs_no_credentials()
    {
        var result = await new CliHarness().RunAsync("list", "--demo", "--max", "5");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().BeEmpty();
        result.Output.Should().Contain("Demo: a built-in mock of impact.com, 305 submissions; nothing leaves this machine.").And.Contain("Read 5 of 305 ").And.Contain("5 submissions shown").And.Contain("Stopped at --max 5.");
    }

    [Fact]
    public async Task Errors_demo_shows_the_charts()
    {
        var result = await new CliHarness().RunAsync("errors", "--demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("By ErrorType").And.Contain("By ErrorReason").And.Contain("Programs with the most failures");
    }
}
