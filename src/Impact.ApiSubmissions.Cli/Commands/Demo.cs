namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>What the commands say in --demo mode.</summary>
internal static class Demo
{
    /// <summary>The banner, counting what the demo account really holds (the generated submissions and the hand-made ones).</summary>
    public static void WriteBanner(IAnsiConsole console, DemoServer demo) =>
        console.MarkupLine(
            $"[grey]Demo: a built-in mock of impact.com, {demo.Server.Submissions.Count.ToString(CultureInfo.InvariantCulture)} submissions; nothing leaves this machine.[/]");

    /// <summary>The banner above a table, in demo mode only: json and csv stay records only.</summary>
    public static void WriteBanner(CliEnvironment environment, ImpactConnection connection, OutputFormat format)
    {
        if (connection.Demo is { } demo && format == OutputFormat.Table)
        {
            WriteBanner(environment.Out, demo);
        }
    }

    /// <summary>The banner of the <c>ftp</c> commands, counting the demo account's FTP file submissions.</summary>
    public static void WriteFtpBanner(CliEnvironment environment, ImpactConnection connection, OutputFormat format)
    {
        if (connection.Demo is { } demo && format == OutputFormat.Table)
        {
            environment.Out.MarkupLine(
                $"[grey]Demo: a built-in mock of impact.com, {demo.Server.FtpFileSubmissions.Count.ToString(CultureInfo.InvariantCulture)} FTP file submissions; nothing leaves this machine.[/]");
        }
    }
}
