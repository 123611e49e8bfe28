namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp errors</c>: every failed line of one file, then the lines counted by ErrorReason with what each reason means.</summary>
internal sealed class FtpErrorsCommand : AsyncCommand<FtpErrorsSettings>
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    public FtpErrorsCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, FtpErrorsSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var pageSize = CountArgument.Parse("--page-size", settings.PageSize, 1, int.MaxValue);
        var reference = FtpReference.Require(settings.BatchId, settings.Demo, DemoServer.FailedFtpBatchId, "errors");
        using var connection = ImpactConnection.Open(settings, _environment, _reporter);
        var client = connection.Client;
        var options = new FtpErrorDetailListOptions { PageSize = pageSize ?? (connection.IsDemo ? 50 : 1000) };
        var lines = FtpReference.IsUri(reference)
            ? client.GetFtpErrorDetailsByUriAsync(reference, options, connection.Cancellation)
            : client.GetFtpErrorDetailsAsync(reference, options, connection.Cancellation);
        var read = new List<FtpErrorDetail>();

        switch (format)
        {
            case OutputFormat.Json:
                var json = new JsonOutput(_environment.RawOut);
                await foreach (var line in lines)
                {
                    read.Add(line);
                    json.Write(line);
                }

                json.End();
                break;

            case OutputFormat.Csv:
                var csv = CsvOutput.For<FtpErrorDetail>(_environment.RawOut);
                await foreach (var line in lines)
                {
                    read.Add(line);
                    csv.Write(line);
                }

                csv.End();
                break;

            default:
                var console = _environment.Out;
                if (connection.IsDemo)
                {
                    Demo.WriteFtpBanner(console, connection.Demo!);
                }

                await foreach (var line in lines)
                {
                    read.Add(line);
                }

                if (read.Count == 0)
                {
                    console.MarkupLine("[green]No failed lines.[/] [grey](A file still being processed has none yet.)[/]");
                    break;
                }

                console.Write(FtpViews.LineTable(read));
                console.WriteLine();
                console.Write(FtpViews.ReasonTable(FtpViews.ByReason(read)));
                // The lines should add up to the file's own count: say so when they do not, since one of the two is wrong.
                var file = FtpReference.IsUri(reference)
                    ? await client.GetFtpSubmissionByUriAsync(reference.TrimEnd('/')[..reference.TrimEnd('/').LastIndexOf('/')], connection.Cancellation)
                    : await client.GetFtpSubmissionAsync(reference, connection.Cancellation);
                var total = file.TotalErrors?.ToString(CultureInfo.InvariantCulture) ?? "not given";
                console.MarkupLine(Markup.Escape($"{read.Count.ToString(CultureInfo.InvariantCulture)} failed line{(read.Count == 1 ? string.Empty : "s")} of {Display.Number(file.TotalRecords)} records; the file's TotalErrors is {total}."));
                if (file.TotalErrors != read.Count)
                {
                    _reporter.Warn($"impact.com listed {read.Count.ToString(CultureInfo.InvariantCulture)} failed lines, but the file's TotalErrors is {total}.");
                }
                break;
        }

        await _environment.RawOut.FlushAsync();
        return ExitCodes.Success;
    }
}
