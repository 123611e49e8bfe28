using System.Runtime.CompilerServices;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp list</c>: the account's FTP file submissions, the date filters applied by impact.com, as a table, JSON or CSV.</summary>
internal sealed class FtpListCommand : AsyncCommand<FtpListSettings>
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    public FtpListCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, FtpListSettings settings)
    {
        var format = OutputFormats.Parse(settings.Format, OutputFormat.Table, OutputFormat.Json, OutputFormat.JsonLines, OutputFormat.Csv);
        var now = _environment.Clock.GetUtcNow();
        DateTimeOffset? Date(string option, string? text, bool endOfDay) =>
            text is null ? null : DateArgument.Parse(option, text, endOfDay, now, _environment.LocalZone);
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

        using var connection = ImpactConnection.Open(settings, _environment, _reporter);
        options.PageSize = pageSize ?? (connection.IsDemo ? 100 : 1000);
        var files = Matching(connection.Client.GetFtpSubmissionsAsync(options, connection.Cancellation), settings.ErrorsOnly, max, connection.Cancellation);

        switch (format)
        {
            case OutputFormat.Json or OutputFormat.JsonLines:
                var json = format == OutputFormat.Json ? new JsonOutput(_environment.RawOut) : JsonOutput.Lines(_environment.RawOut);
                await foreach (var file in files)
                {
                    json.Write(file);
                }

                json.End();
                break;

            case OutputFormat.Csv:
                var csv = CsvOutput.For<FtpFileSubmission>(_environment.RawOut);
                await foreach (var file in files)
                {
                    csv.Write(file);
                }

                csv.End();
                break;

            default:
                var console = _environment.Out;
                if (connection.IsDemo)
                {
                    Demo.WriteFtpBanner(console, connection.Demo!);
                }

                var rows = new List<FtpFileSubmission>();
                await foreach (var file in files)
                {
                    rows.Add(file);
                }

                if (rows.Count > 0)
                {
                    console.Write(FtpViews.FileTable(rows));
                }

                console.MarkupLine(Markup.Escape(Summary(rows, max, settings)));
                break;
        }

        await _environment.RawOut.FlushAsync();
        return ExitCodes.Success;
    }

    private static async IAsyncEnumerable<FtpFileSubmission> Matching(IAsyncEnumerable<FtpFileSubmission> files, bool errorsOnly, int? max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var file in files.WithCancellation(cancellationToken))
        {
            if (errorsOnly && !file.HasErrors)
            {
                continue;
            }

            yield return file;
            if (++count == max)
            {
                yield break;
            }
        }
    }

    private static void RequireOrder(string startOption, string? startText, DateTimeOffset? start, string endOption, string? endText, DateTimeOffset? end)
    {
        if (start >= end)
        {
            throw new UsageException($"{startOption} '{startText}' is not before {endOption} '{endText}': nothing could match.");
        }
    }

    private static string Summary(List<FtpFileSubmission> rows, int? max, FtpListSettings settings)
    {
        var failed = rows.FindAll(r => r.HasErrors);
        long failedRecords = 0;
        failed.ForEach(f => failedRecords += f.TotalErrors ?? 0);
        var text = rows.Count == 0
            ? "No FTP file submissions match."
            : $"{Count(rows.Count, "file")} shown, {failed.Count.ToString(CultureInfo.InvariantCulture)} with failed records ({Count(failedRecords, "failed record")}).";
        if (max is { } limit && rows.Count == limit)
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

    private static string Count(long n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
