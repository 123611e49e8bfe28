using Spectre.Console;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>The payload a submission carried.</summary>
internal static class PayloadView
{
    public static void Write(IAnsiConsole console, string? payload)
    {
        console.MarkupLine("[bold underline]Payload[/]");
        console.WriteLine(string.IsNullOrEmpty(payload) ? "(empty)" : payload);
    }
}
