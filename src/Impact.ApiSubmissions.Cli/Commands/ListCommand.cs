namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>list</c>: the account's submissions, filtered, as a table, JSON or CSV.</summary>
internal sealed class ListCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<ListSettings>(environment, reporter)
{
    /// <summary>
    /// The table's columns, ranked from the most telling: on a narrow terminal the less telling give way, so that a
    /// BatchId always stays on one line and can be copied.
    /// </summary>
    internal static readonly IReadOnlyList<Column<ApiSubmission>> Columns = new Column<ApiSubmission>[]
    {
        new("BatchId", 40, 0, s => Markup.Escape(Display.Text(s.BatchId))),
        new("Submitted", 23, 3, s => s.SubmissionDate is { } date ? date.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : Display.None),
        new("Type", 12, 4, s => Markup.Escape(Display.Text(s.Type?.ToString()))),
        new("Status", 11, 1, Display.StatusMarkup),
        new("Program", 7, 5, s => Display.Number(s.CampaignId)) { RightAligned = true },
        new("Partner", 7, 7, s => Display.Number(s.MediaPartnerId)) { RightAligned = true },
        new("OrderId", 13, 6, s => Markup.Escape(Display.Text(s.OrderId))),
        new("Errors", 24, 2, s => s.HasErrors ? "[red]" + Markup.Escape(Display.ErrorSummary(s)) + "[/]" : string.Empty) { Wraps = true },
    };

    public override async Task<int> ExecuteAsync(CommandContext context, ListSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json, OutputFormat.JsonLines, OutputFormat.Csv);
        var filter = SubmissionFilter.From(settings, Environment.Clock.GetUtcNow(), Environment.LocalZone, Reporter.Warn);
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        var reader = filter.Reader(connection);
        Demo.WriteBanner(Environment, connection, format);
        var rows = await RecordOutput.WriteAsync(Environment, format, reader, Columns, connection.Cancellation);
        if (format == OutputFormat.Table)
        {
            Environment.Out.MarkupLine(Markup.Escape(Summary(rows, reader.State, filter)));
        }

        return ExitCodes.Success;
    }

    private static string Summary(IReadOnlyList<ApiSubmission> rows, ListingState state, SubmissionFilter filter)
    {
        var text = rows.Count == 0
            ? "No submissions match."
            : $"{Display.Count(rows.Count, "submission")} shown, {rows.Count(r => r.HasErrors).ToString(CultureInfo.InvariantCulture)} with errors.";
        text += $" Read {state.Read.ToString(CultureInfo.InvariantCulture)}"
            + (state.Total is { } total ? $" of {total.ToString(CultureInfo.InvariantCulture)}" : string.Empty)
            + $" on {Display.Count(state.Pages, "page")}"
            + (state.NumPages is { } pages ? $" of {pages.ToString(CultureInfo.InvariantCulture)}" : string.Empty) + ".";
        if (state.StoppedAtMax)
        {
            text += $" Stopped at --max {filter.Max!.Value.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (filter.IsFiltering)
        {
            text += " Filters: " + filter.Describe() + ".";
        }

        return text;
    }
}
