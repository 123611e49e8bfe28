namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp get</c>: one FTP file submission: its counts, its outcome, and its first failed lines.</summary>
internal sealed class FtpGetCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<FtpGetSettings>(environment, reporter)
{
    public override async Task<int> ExecuteAsync(CommandContext context, FtpGetSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json);
        var shown = CountArgument.Parse("--lines", settings.Lines, 0, 10_000) ?? 10;
        var reference = FtpReference.Require(settings.BatchId, settings.Demo, DemoServer.FailedFtpBatchId, "get");
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        var client = connection.Client;
        var file = FtpReference.IsUri(reference)
            ? await client.GetFtpSubmissionByUriAsync(reference, connection.Cancellation)
            : await client.GetFtpSubmissionAsync(reference, connection.Cancellation);

        if (format == OutputFormat.Json)
        {
            await Environment.RawOut.WriteLineAsync(WireJson.Format(file));
            return ExitCodes.Success;
        }

        var console = Environment.Out;
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
        var options = new ListOptions<FtpErrorDetail> { PageSize = shown, MaxPages = 1 };
        var lines = await new ListingReader<FtpErrorDetail>(client, _ => client.GetFtpErrorDetailsAsync(file.BatchId!, options, connection.Cancellation)).ReadAllAsync(connection.Cancellation);
        console.WriteLine();
        var title = $"[bold]First {lines.Count.ToString(CultureInfo.InvariantCulture)} failed lines of {Display.Number(file.TotalErrors)}[/]";
        console.Write(Column<FtpErrorDetail>.Table(FtpErrorsCommand.Columns, lines, console.Profile.Width, title));
        if (file.TotalErrors > lines.Count)
        {
            console.MarkupLine(Markup.Escape($"Every line, with counts by reason: {CliApp.Name} ftp errors {file.BatchId}"));
        }

        return ExitCodes.Success;
    }
}
