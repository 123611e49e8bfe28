using System.Globalization;
using Impact.ApiSubmissions.Cli.Connection;
using Spectre.Console;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>What the commands say in --demo mode.</summary>
internal static class Demo
{
    public static void WriteBanner(IAnsiConsole console) =>
        console.MarkupLine(
            $"[grey]Demo: a built-in mock of impact.com with {DemoServer.GeneratedCount.ToString(CultureInfo.InvariantCulture)} generated submissions "
            + "from the last 90 days; nothing leaves this machine. Drop --demo and set IMPACT_ACCOUNT_SID and IMPACT_AUTH_TOKEN for your own.[/]");
}
