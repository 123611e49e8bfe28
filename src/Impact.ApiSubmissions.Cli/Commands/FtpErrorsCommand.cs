namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp errors</c>: every failed line of one file, then the lines counted by ErrorReason with what each reason means.</summary>
internal sealed class FtpErrorsCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<FtpErrorsSettings>(environment, reporter)
{
    /// <summary>The failed lines' columns, ranked from the most telling; <c>ftp get</c> shows its first lines with them too.</summary>
    internal static readonly IReadOnlyList<Column<FtpErrorDetail>> Columns = new Column<FtpErrorDetail>[]
    {
        new("Line", 6, 0, l => Display.Number(l.Line)) { RightAligned = true },
        new("ErrorType", 12, 2, l => Markup.Escape(Display.Text(l.Status?.ToString()))),
        new("Reason", 24, 1, l => "[red]" + Markup.Escape(Display.Text(l.Reason?.ToString())) + "[/]"),
        new("Program", 7, 4, l => Display.Number(l.CampaignId)) { RightAligned = true },
        new("Event type", 10, 6, l => Display.Number(l.ActionTrackerId)) { RightAligned = true },
        new("Partner", 7, 7, l => Display.Number(l.MediaPartnerId)) { RightAligned = true },
        new("OrderId", 13, 3, l => Markup.Escape(Display.Text(l.OrderId))),
        new("Sku", 10, 5, l => Markup.Escape(Display.Text(l.Sku))),
    };

    public override async Task<int> ExecuteAsync(CommandContext context, FtpErrorsSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var pageSize = CountArgument.Parse("--page-size", settings.PageSize, 1, int.MaxValue);
        var reference = FtpReference.Require(settings.BatchId, settings.Demo, DemoServer.FailedFtpBatchId, "errors");
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        var client = connection.Client;
        var reader = new ListingReader<FtpErrorDetail>(client, onPage =>
        {
            var options = new ListOptions<FtpErrorDetail> { PageSize = pageSize ?? (connection.IsDemo ? 50 : 1000), PageReceived = p => onPage(p.PageInfo) };
            return FtpReference.IsUri(reference)
                ? client.GetFtpErrorDetailsByUriAsync(reference, options, connection.Cancellation)
                : client.GetFtpErrorDetailsAsync(reference, options, connection.Cancellation);
        });
        Demo.WriteFtpBanner(Environment, connection, format);
        var lines = await RecordOutput.WriteAsync(Environment, format, reader, Columns, connection.Cancellation);
        if (format != OutputFormat.Table)
        {
            return ExitCodes.Success;
        }

        var console = Environment.Out;
        if (lines.Count == 0)
        {
            console.MarkupLine("[green]No failed lines.[/] [grey](A file still being processed has none yet.)[/]");
            return ExitCodes.Success;
        }

        console.WriteLine();
        console.Write(FtpViews.ReasonTable(FtpViews.ByReason(lines)));
        // The lines should add up to the file's own count: say so when they do not, since one of the two is wrong.
        var file = FtpReference.IsUri(reference)
            ? await client.GetFtpSubmissionByUriAsync(reference.TrimEnd('/')[..reference.TrimEnd('/').LastIndexOf('/')], connection.Cancellation)
            : await client.GetFtpSubmissionAsync(reference, connection.Cancellation);
        var total = file.TotalErrors?.ToString(CultureInfo.InvariantCulture) ?? "not given";
        var count = lines.Count.ToString(CultureInfo.InvariantCulture);
        console.MarkupLine(Markup.Escape($"{Display.Count(lines.Count, "failed line")} of {Display.Number(file.TotalRecords)} records; the file's TotalErrors is {total}."));
        if (file.TotalErrors != lines.Count)
        {
            Reporter.Warn($"impact.com listed {count} failed lines, but the file's TotalErrors is {total}.");
        }

        return ExitCodes.Success;
    }
}
