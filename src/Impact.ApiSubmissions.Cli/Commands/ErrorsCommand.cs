using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>errors</c>: why the listed submissions failed, and where failures gather.</summary>
internal sealed class ErrorsCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<ErrorsSettings>(environment, reporter)
{
    private static readonly Color[] BarColors = { Color.Red, Color.Orange1, Color.Yellow, Color.Gold3, Color.Salmon1, Color.IndianRed };

    public override async Task<int> ExecuteAsync(CommandContext context, ErrorsSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json);
        var top = CountArgument.Parse("--top", settings.Top, 1, 1000) ?? 5;
        var filter = SubmissionFilter.From(settings, Environment.Clock.GetUtcNow(), Environment.LocalZone, Reporter.Warn);
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        var reader = filter.Reader(connection);
        var console = Environment.Out;
        Demo.WriteBanner(Environment, connection, format);

        var stats = await ListingProgress.RunAsync(Environment, show: format == OutputFormat.Table, reader, async cancellation =>
        {
            var statistics = new FailureCounts();
            await foreach (var submission in reader.ReadAsync(cancellation))
            {
                statistics.Add(submission);
            }

            return statistics;
        }, connection.Cancellation);

        if (format == OutputFormat.Json)
        {
            await Environment.RawOut.WriteLineAsync(Json(stats, top).ToString(Newtonsoft.Json.Formatting.Indented));
            return ExitCodes.Success;
        }

        var scope = filter.IsFiltering ? $" ({filter.Describe()})" : string.Empty;
        console.MarkupLine(Markup.Escape($"{Display.Count(stats.Submissions, "submission")} read{scope}: {stats.Failures.ToString(CultureInfo.InvariantCulture)} with errors ({Percent(stats.Failures, stats.Submissions)})."));
        if (stats.Failures == 0)
        {
            console.MarkupLine("[green]No errors.[/]");
            return ExitCodes.Success;
        }

        console.WriteLine();
        console.MarkupLine("[bold underline]By ErrorType[/]");
        var types = new BarChart().Width(72);
        var i = 0;
        foreach (var (type, count) in stats.ByType)
        {
            types.AddItem(Markup.Escape(type), count, BarColors[i++ % BarColors.Length]);
        }

        console.Write(types);

        console.WriteLine();
        console.MarkupLine("[bold underline]By ErrorReason[/] [grey](a submission with several reasons counts once for each)[/]");
        var reasons = new BarChart().Width(72);
        i = 0;
        foreach (var (reason, count) in stats.ByReason)
        {
            reasons.AddItem(Markup.Escape(reason.Code), count, BarColors[i++ % BarColors.Length]);
        }

        console.Write(reasons);
        var meanings = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (reason, _) in stats.ByReason)
        {
            meanings.AddRow(
                Markup.Escape(reason.Code),
                reason.Description is { } description ? "[grey]" + Markup.Escape(description) + "[/]" : "[grey]Not documented by impact.com when this tool was built.[/]");
        }

        console.Write(meanings);

        console.WriteLine();
        console.Write(Leaders("Programs with the most failures", "Program (CampaignId)", FailureCounts.Top(stats.Programs, top), "(none)"));
        console.Write(Leaders("Partners with the most failures", "Partner (MediaPartnerId)", FailureCounts.Top(stats.Partners, top), "(no partner credited)"));
        return ExitCodes.Success;
    }

    // Counts are JSON numbers here: this is the tool's own summary, not an impact.com record.
    private static JObject Json(FailureCounts stats, int top) => new()
    {
        ["submissions"] = stats.Submissions,
        ["withErrors"] = stats.Failures,
        ["byErrorType"] = new JArray(stats.ByType.Select(t => new JObject { ["errorType"] = t.Key, ["count"] = t.Value })),
        ["byErrorReason"] = new JArray(stats.ByReason.Select(r => new JObject { ["code"] = r.Key.Code, ["count"] = r.Value, ["description"] = r.Key.Description })),
        ["topPrograms"] = Leaders(FailureCounts.Top(stats.Programs, top), "campaignId"),
        ["topPartners"] = Leaders(FailureCounts.Top(stats.Partners, top), "mediaPartnerId"),
    };

    private static JArray Leaders(IReadOnlyList<(long? Id, FailureCounts.Tally Tally)> rows, string idName) =>
        new(rows.Select(r => new JObject
        {
            [idName] = r.Id,
            ["failures"] = r.Tally.Failures,
            ["submissions"] = r.Tally.Submissions,
        }));

    private static Table Leaders(string title, string column, IReadOnlyList<(long? Id, FailureCounts.Tally Tally)> rows, string none)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{title}[/]")
            .AddColumn(column)
            .AddColumn(new TableColumn("Failures").RightAligned())
            .AddColumn(new TableColumn("Submissions").RightAligned())
            .AddColumn(new TableColumn("Failure rate").RightAligned());
        foreach (var (id, tally) in rows)
        {
            table.AddRow(
                id is { } value ? value.ToString(CultureInfo.InvariantCulture) : Markup.Escape(none),
                "[red]" + tally.Failures.ToString(CultureInfo.InvariantCulture) + "[/]",
                tally.Submissions.ToString(CultureInfo.InvariantCulture),
                Percent(tally.Failures, tally.Submissions));
        }

        return table;
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "0%" : Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";
}
