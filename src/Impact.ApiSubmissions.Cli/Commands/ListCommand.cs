namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>list</c>: the account's submissions, filtered, as a table, JSON or CSV.</summary>
internal sealed class ListCommand : AsyncCommand<ListSettings>
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    public ListCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ListSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json, OutputFormat.JsonLines, OutputFormat.Csv);
        var filter = SubmissionFilter.From(settings, _environment.Clock.GetUtcNow(), _environment.LocalZone, _reporter.Warn);
        using var connection = ImpactConnection.Open(settings, _environment, _reporter);
        var reader = new SubmissionReader(connection.Client, filter, PageSizes.For(filter, connection));
        var cancellation = connection.Cancellation;

        switch (format)
        {
            case OutputFormat.Json or OutputFormat.JsonLines:
                var json = format == OutputFormat.Json ? new JsonOutput(_environment.RawOut) : JsonOutput.Lines(_environment.RawOut);
                await foreach (var submission in reader.ReadAsync(cancellation))
                {
                    json.Write(submission);
                }

                json.End();
                break;

            case OutputFormat.Csv:
                var csv = new CsvOutput(_environment.RawOut);
                await foreach (var submission in reader.ReadAsync(cancellation))
                {
                    csv.Write(submission);
                }

                csv.End();
                break;

            default:
                var console = _environment.Out;
                if (connection.IsDemo)
                {
                    Demo.WriteBanner(console, connection.Demo!);
                }

                var rows = await ListingProgress.RunAsync(_environment, show: true, reader, async () =>
                {
                    var list = new List<ApiSubmission>();
                    await foreach (var submission in reader.ReadAsync(cancellation))
                    {
                        list.Add(submission);
                    }

                    return list;
                });
                if (rows.Count > 0)
                {
                    console.Write(SubmissionTable.Build(rows, console.Profile.Width));
                }

                console.MarkupLine(Markup.Escape(Summary(rows, reader.State, filter)));
                break;
        }

        await _environment.RawOut.FlushAsync();
        return ExitCodes.Success;
    }

    private static string Summary(List<ApiSubmission> rows, SubmissionReader.ReadState state, SubmissionFilter filter)
    {
        var errors = rows.FindAll(r => r.HasErrors).Count;
        var text = rows.Count == 0
            ? "No submissions match."
            : $"{Count(rows.Count, "submission")} shown, {errors.ToString(CultureInfo.InvariantCulture)} with errors.";
        text += $" Read {state.Read.ToString(CultureInfo.InvariantCulture)}"
            + (state.Total is { } total ? $" of {total.ToString(CultureInfo.InvariantCulture)}" : string.Empty)
            + $" on {Count(state.Pages, "page")}"
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

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
