using System.Data.Common;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>
/// <c>history</c>: failure counts over everything a sync stored (beyond impact.com's 90 days) by day, reason, program
/// and partner, as bar charts or CSV. Reads the database only; <c>--demo</c> first syncs the built-in mock into it.
/// </summary>
internal sealed class HistoryCommand : AsyncCommand<HistorySettings>
{
    private const int TopRows = 15;
    private readonly CliEnvironment _environment;

    public HistoryCommand(CliEnvironment environment) => _environment = environment;

    public override async Task<int> ExecuteAsync(CommandContext context, HistorySettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Csv);
        var days = CountArgument.Parse("--days", settings.Days, 1, 36500) ?? 30;
        var cancellation = _environment.Cancellation;
        await using var database = await SyncDatabase.OpenAsync(settings.Database, settings.Demo, cancellation);
        var account = string.IsNullOrWhiteSpace(settings.AccountSid) ? null : settings.AccountSid.Trim();
        var history = new FailureCounts();
        try
        {
            if (settings.Demo)
            {
                using var demo = DemoServer.Start(_environment.Clock);
                using var client = demo.Server.CreateClient();
                await new SubmissionSync(client, database.Store).RunPassAsync(cancellation);
                if (format == OutputFormat.Table)
                {
                    Demo.WriteBanner(_environment.Out, demo);
                }
            }

            await foreach (var submission in database.Store.ReadSubmissionsAsync(account, cancellation))
            {
                history.Add(submission);
            }
        }
        catch (DbException e)
        {
            throw SyncDatabase.Failed(database.Description, e);
        }

        if (format == OutputFormat.Csv)
        {
            WriteCsv(history);
        }
        else
        {
            WriteCharts(history, days, database.Description, account);
        }

        await _environment.RawOut.FlushAsync();
        return ExitCodes.Success;
    }

    private void WriteCharts(FailureCounts history, int days, string database, string? account)
    {
        var console = _environment.Out;
        if (history.Submissions == 0)
        {
            console.MarkupLine(Markup.Escape($"No submissions stored in {database}{(account is null ? string.Empty : " for " + account)}: run 'sync --db ...' first."));
            return;
        }

        var share = history.Failures * 100.0 / history.Submissions;
        console.MarkupLine(Markup.Escape(
            $"{N(history.Submissions)} submissions stored{(account is null ? string.Empty : " for " + account)}, from {Day(history.First!.Value.Date)} to {Day(history.Last!.Value.Date)}: "
            + $"{N(history.Failures)} failed ({share.ToString("0.#", CultureInfo.InvariantCulture)}%)."));
        if (history.Failures == 0)
        {
            return;
        }

        var byDay = history.ByDay.Where(p => p.Value.Failures > 0).TakeLast(days).ToList();
        Chart(console, $"Failures by day (the latest {N(byDay.Count)} days with failures)", byDay.Select(p => (Day(p.Key), p.Value.Failures)));
        Chart(console, "Failures by error reason", Reasons(history).Take(TopRows));
        Chart(console, "Failures by program (CampaignId)", Ranked(history.Programs).Take(TopRows).Select(p => (p.Key, p.Tally.Failures)));
        Chart(console, "Failures by partner (MediaPartnerId)", Ranked(history.Partners).Take(TopRows).Select(p => (p.Key, p.Tally.Failures)));
    }

    private static void Chart(IAnsiConsole console, string title, IEnumerable<(string Label, int Value)> rows)
    {
        var chart = new BarChart().Width(Math.Min(console.Profile.Width, 100)).Label("[bold]" + Markup.Escape(title) + "[/]").LeftAlignLabel();
        foreach (var (label, value) in rows)
        {
            chart.AddItem(Markup.Escape(label), value, Color.Red);
        }

        console.WriteLine();
        console.Write(chart);
    }

    private void WriteCsv(FailureCounts history)
    {
        var output = _environment.RawOut;
        output.WriteLine("dimension,key,failures,submissions");
        foreach (var (day, count) in history.ByDay)
        {
            output.WriteLine($"day,{Day(day)},{count.Failures.ToString(CultureInfo.InvariantCulture)},{count.Submissions.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var (reason, count) in Reasons(history))
        {
            output.WriteLine($"reason,{Csv(reason)},{count.ToString(CultureInfo.InvariantCulture)},");
        }

        foreach (var (program, count) in Ranked(history.Programs))
        {
            output.WriteLine($"program,{Csv(program)},{count.Failures.ToString(CultureInfo.InvariantCulture)},{count.Submissions.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var (partner, count) in Ranked(history.Partners))
        {
            output.WriteLine($"partner,{Csv(partner)},{count.Failures.ToString(CultureInfo.InvariantCulture)},{count.Submissions.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    // Reason codes, and a failure without one by its ErrorType in brackets: most first.
    private static List<(string Key, int Count)> Reasons(FailureCounts counts) =>
        counts.ByReason.Select(p => (p.Key.Code, p.Value))
            .Concat(counts.WithoutReason.Select(p => ("(" + p.Key + ")", p.Value)))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Item1, StringComparer.Ordinal).ToList();

    // Programs or partners with failures, most first; "-" is none.
    private static List<(string Key, FailureCounts.Tally Tally)> Ranked(IEnumerable<(long? Id, FailureCounts.Tally Tally)> rows) =>
        rows.Select(p => (p.Id?.ToString(CultureInfo.InvariantCulture) ?? Display.None, p.Tally))
            .OrderByDescending(p => p.Tally.Failures).ThenBy(p => p.Item1, StringComparer.Ordinal).ToList();

    // Reason codes come from the server: the one CSV rule quotes anything that could break a cell or start a formula.
    private static string Csv(string value) => Output.Csv.Escape(value);

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int value) => Display.N(value);
}
