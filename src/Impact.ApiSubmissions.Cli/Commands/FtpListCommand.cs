namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp list</c>: the account's FTP file submissions, the date filters applied by impact.com, as a table, JSON or CSV.</summary>
internal sealed class FtpListCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<FtpListSettings>(environment, reporter)
{
    /// <summary>The table's columns, ranked from the most telling (on a narrow terminal the less telling give way).</summary>
    internal static readonly IReadOnlyList<Column<FtpFileSubmission>> Columns = new Column<FtpFileSubmission>[]
    {
        new("BatchId", 40, 0, f => Markup.Escape(Display.Text(f.BatchId))),
        new("Submitted", 26, 4, f => Display.Date(f.SubmissionDate)),
        new("FileName", 24, 5, f => Markup.Escape(Display.Text(f.FileName))) { Wraps = true },
        new("Type", 10, 7, f => Markup.Escape(Display.Text(f.Type?.ToString()))),
        new("Status", 11, 1, FtpViews.StatusMarkup),
        new("Records", 8, 3, f => Display.Number(f.TotalRecords)) { RightAligned = true },
        new("Failed", 6, 2, f => f.HasErrors ? "[red]" + Display.Number(f.TotalErrors) + "[/]" : Display.Number(f.TotalErrors)) { RightAligned = true },
        new("Completed", 26, 6, f => Display.Date(f.CompletionDate)),
    };

    public override async Task<int> ExecuteAsync(CommandContext context, FtpListSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json, OutputFormat.JsonLines, OutputFormat.Csv);
        var now = Environment.Clock.GetUtcNow();
        DateTimeOffset? Date(string option, string? text, bool endOfDay) =>
            text is null ? null : DateArgument.Parse(option, text, endOfDay, now, Environment.LocalZone);
        var options = new FtpSubmissionListOptions
        {
            SubmissionDateStart = Date("--since", settings.Since, false),
            SubmissionDateEnd = Date("--until", settings.Until, true),
            CompletedDateStart = Date("--completed-since", settings.CompletedSince, false),
            CompletedDateEnd = Date("--completed-until", settings.CompletedUntil, true),
        };
        RequireOrder("--since", settings.Since, options.SubmissionDateStart, "--until", settings.Until, options.SubmissionDateEnd);
        RequireOrder("--completed-since", settings.CompletedSince, options.CompletedDateStart, "--completed-until", settings.CompletedUntil, options.CompletedDateEnd);
        var max = CountArgument.Parse("--max", settings.Max, 1, int.MaxValue);
        var pageSize = CountArgument.Parse("--page-size", settings.PageSize, 1, int.MaxValue);

        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        options.PageSize = pageSize ?? (connection.IsDemo ? 100 : 1000);
        var client = connection.Client;
        var reader = new ListingReader<FtpFileSubmission>(
            client,
            onPage =>
            {
                options.PageReceived = p => onPage(p.PageInfo);
                return client.GetFtpSubmissionsAsync(options, connection.Cancellation);
            },
            f => !settings.ErrorsOnly || f.HasErrors,
            max);
        Demo.WriteFtpBanner(Environment, connection, format);
        var rows = await RecordOutput.WriteAsync(Environment, format, reader, Columns, connection.Cancellation);
        if (format == OutputFormat.Table)
        {
            Environment.Out.MarkupLine(Markup.Escape(Summary(rows, reader.State.StoppedAtMax ? max : null, settings)));
        }

        return ExitCodes.Success;
    }

    private static void RequireOrder(string startOption, string? startText, DateTimeOffset? start, string endOption, string? endText, DateTimeOffset? end)
    {
        if (start >= end)
        {
            throw new UsageException($"{startOption} '{startText}' is not before {endOption} '{endText}': nothing could match.");
        }
    }

    private static string Summary(IReadOnlyList<FtpFileSubmission> rows, int? stoppedAt, FtpListSettings settings)
    {
        var failed = rows.Where(r => r.HasErrors).ToList();
        var failedRecords = failed.Sum(f => f.TotalErrors ?? 0);
        var text = rows.Count == 0
            ? "No FTP file submissions match."
            : $"{Display.Count(rows.Count, "file")} shown, {failed.Count.ToString(CultureInfo.InvariantCulture)} with failed records ({Display.Count(failedRecords, "failed record")}).";
        if (stoppedAt is { } limit)
        {
            text += $" Stopped at --max {limit.ToString(CultureInfo.InvariantCulture)}.";
        }

        var filters = new List<string>();
        Describe(filters, "submitted", settings.Since, settings.Until);
        Describe(filters, "completed", settings.CompletedSince, settings.CompletedUntil);
        if (settings.ErrorsOnly)
        {
            filters.Add("errors only");
        }

        if (failed.Count > 0)
        {
            text += $" Each file's failed lines: {CliApp.Name} ftp errors <BATCHID>.";
        }

        return filters.Count == 0 ? text : text + " Filters: " + string.Join(", ", filters) + ".";
    }

    private static void Describe(List<string> filters, string what, string? since, string? until)
    {
        if (since is not null || until is not null)
        {
            filters.Add(what + (since is null ? string.Empty : " since " + since) + (until is null ? string.Empty : " until " + until));
        }
    }
}
