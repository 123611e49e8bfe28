namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp get</c>: one FTP file submission: its counts, its outcome, and its first failed lines.</summary>
internal sealed class FtpGetCommand : AsyncCommand<FtpGetSettings>
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    public FtpGetCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, FtpGetSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json);
        var shown = CountArgument.Parse("--lines", settings.Lines, 0, 10_000) ?? 10;
        var reference = FtpReference.Require(settings.BatchId, settings.Demo, DemoServer.FailedFtpBatchId, "get");
        using var connection = ImpactConnection.Open(settings, _environment, _reporter);
        var client = connection.Client;
        var file = FtpReference.IsUri(reference)
            ? await client.GetFtpSubmissionByUriAsync(reference, connection.Cancellation)
            : await client.GetFtpSubmissionAsync(reference, connection.Cancellation);

        if (format == OutputFormat.Json)
        {
            await _environment.RawOut.WriteLineAsync(JsonOutput.Format(file));
            return ExitCodes.Success;
        }

        var console = _environment.Out;
        if (connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId))
        {
            console.MarkupLine($"[grey]Demo: a file with failed lines. Any BatchId from '{CliApp.Name} ftp list --demo' works too.[/]");
        }

        FtpViews.WriteDetails(console, file);
        if (!file.HasErrors || shown == 0)
        {
            return ExitCodes.Success;
        }

        // Only the first lines: the listing stops after the page that holds them.
        var lines = new List<FtpErrorDetail>();
        var options = new FtpErrorDetailListOptions { PageSize = shown, MaxPages = 1 };
        await foreach (var line in client.GetFtpErrorDetailsAsync(file.BatchId!, options, connection.Cancellation))
        {
            lines.Add(line);
        }

        console.WriteLine();
        console.Write(FtpViews.LineTable(lines, $"[bold]First {lines.Count.ToString(CultureInfo.InvariantCulture)} failed lines of {Display.Number(file.TotalErrors)}[/]"));
        if (file.TotalErrors > lines.Count)
        {
            console.MarkupLine(Markup.Escape($"Every line, with counts by reason: {CliApp.Name} ftp errors {file.BatchId}"));
        }

        return ExitCodes.Success;
    }
}
