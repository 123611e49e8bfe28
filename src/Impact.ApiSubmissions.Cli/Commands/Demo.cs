using System.Globalization;
using Impact.ApiSubmissions.Cli.Connection;
using Spectre.Console;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>What the commands say in --demo mode.</summary>
internal static class Demo
{
    public static void WriteBanner(IAnsiConsole console) =>
        console.MarkupLine(
            $"[grey]Demo: a built-in mock of impact.com, {DemoServer.GeneratedCount.ToString(CultureInfo.InvariantCulture)} generated submissions; nothing leaves this machine.[/]");
}
