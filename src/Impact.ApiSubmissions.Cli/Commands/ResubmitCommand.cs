namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>
/// <c>resubmit</c>: sends conversions again after editing their payload, one by BatchId or a batch by filter.
/// A dry run unless <c>--yes</c>: it shows the changes and the check and sends nothing.
/// </summary>
internal sealed class ResubmitCommand : AsyncCommand<ResubmitSettings>
{
    /// <summary>The longest the batch waits for a rate-limit window to reset before its next request.</summary>
    internal static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(2);

    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    // For a batch: each --remove key, and how many of the selected payloads lacked it.
    private readonly Dictionary<string, int> _absentRemovals = new(StringComparer.Ordinal);

    public ResubmitCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ResubmitSettings settings)
    {
        var edits = PayloadEdits.Parse(settings.Set, settings.Remove);
        var filter = SubmissionFilter.From(settings, _environment.Clock.GetUtcNow(), _environment.LocalZone, _reporter.Warn);
        var single = !string.IsNullOrWhiteSpace(settings.BatchId) || (settings.Demo && !filter.IsFiltering);
        if (single && filter.IsFiltering)
        {
            throw new UsageException("Give a BatchId or filters, not both: a BatchId resubmits that one submission, filters select a batch.");
        }

        if (!single && !filter.IsFiltering)
        {
            throw new UsageException($"Which submissions? Give a BatchId ({CliApp.Name} resubmit <BATCHID> --set KEY=VALUE) or filters for a batch (--errors-only, --error-reason CODE, --campaign ID, --since ...).");
        }

        if (single && (settings.Report is not null || settings.ReportFormat is not null))
        {
            throw new UsageException("--report is for a batch (resubmit with filters); for one submission the output says it all.");
        }

        if (!single && settings.Wait)
        {
            throw new UsageException($"--wait follows one submission; for a batch, follow the new BatchIds in the --report with '{CliApp.Name} wait'.");
        }

        var report = single ? null : ResubmitReport.For(settings.Report, settings.ReportFormat);
        return single
            ? await ResubmitOneAsync(settings, edits)
            : await ResubmitBatchAsync(settings, edits, filter, report);
    }

    private async Task<int> ResubmitOneAsync(ResubmitSettings settings, PayloadEdits edits)
    {
        var batchId = SubmissionReference.BatchId(SubmissionReference.Require(settings.BatchId, settings.Demo, DemoServer.CampaignNotFoundBatchId, "resubmit"));
        var timing = WaitTiming.Parse(settings.Interval, null, settings.Timeout, settings.Demo);
        using var connection = ImpactConnection.Open(settings, _environment, _reporter, advice: DeadlineAdvice.OneConversion);
        var console = _environment.Out;
        if (connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId))
        {
            console.MarkupLine($"[grey]Demo: a conversion sent to CampaignId {DemoServer.MistypedCampaignId} by mistake; --set CampaignId={DemoServer.IntendedCampaignId} fixes it.[/]");
        }

        var submission = await connection.Client.GetApiSubmissionAsync(batchId, connection.Cancellation);
        console.MarkupLine($"Submission [bold]{Markup.Escape(batchId)}[/]: {Display.OutcomeMarkup(submission)}");
        var (payload, problems) = Edit(submission, edits, console, _reporter.Warn);
        if (problems.Count > 0)
        {
            throw SubmitCommand.Invalid(problems);
        }

        if (!settings.Yes)
        {
            console.MarkupLine("Dry run: nothing was sent. Add --yes to send it.");
            return ExitCodes.Success;
        }

        var queued = await connection.Client.SubmitConversionAsync(payload, connection.Cancellation);
        SubmitCommand.WriteQueued(console, queued);
        return settings.Wait
            ? await WaitCommand.FollowAsync(_environment, connection, queued.BatchId!, timing.Interval, timing.MaxInterval, timing.Timeout)
            : ExitCodes.Success;
    }

    private async Task<int> ResubmitBatchAsync(ResubmitSettings settings, PayloadEdits edits, SubmissionFilter filter, ResubmitReport? report)
    {
        using var connection = ImpactConnection.Open(settings, _environment, _reporter);
        var console = _environment.Out;
        var cancellation = connection.Cancellation;
        if (connection.IsDemo)
        {
            Demo.WriteBanner(console, connection.Demo!);
        }

        // Read the whole selection first: the submissions this batch creates must not join it.
        var reader = new SubmissionReader(connection.Client, filter, PageSizes.For(filter, connection));
        var selected = await ListingProgress.RunAsync(_environment, show: true, reader, async () =>
        {
            var list = new List<ApiSubmission>();
            await foreach (var submission in reader.ReadAsync(cancellation))
            {
                list.Add(submission);
            }

            return list;
        });

        console.MarkupLine(Markup.Escape($"{Count(selected.Count, "submission")} match: {filter.Describe()}. {(settings.Yes ? "Sending" : "Dry run, nothing is sent")}; changes: {Describe(edits)}."));
        var rows = new List<ResubmitReport.Row>();
        try
        {
            await RunWithProgressAsync(selected.Count, async step =>
            {
                foreach (var submission in selected)
                {
                    var row = await ResubmitAsync(connection, submission, edits, settings.Yes, cancellation);
                    rows.Add(row);
                    console.MarkupLine(Markup.Escape(row.ToString()));
                    step();
                }
            });
        }
        catch (Exception) when (report is not null && rows.Count > 0)
        {
            // Stopped part way (Ctrl+C, --timeout, refused credentials): the report still names what was queued.
            report.Write(rows);
            throw;
        }

        report?.Write(rows);
        foreach (var (key, lacking) in _absentRemovals)
        {
            _reporter.Warn($"--remove {key}: {Count(lacking, "payload")} had no {key}, so nothing was removed from {(lacking == 1 ? "it" : "them")}.");
        }

        var counts = rows.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        console.MarkupLine(Markup.Escape(
            string.Join(", ", ResubmitReport.Outcomes.Where(counts.ContainsKey).Select(o => $"{counts[o].ToString(CultureInfo.InvariantCulture)} {o}"))
            + (rows.Count == 0 ? "Nothing to resubmit." : ".")
            + (report is null ? string.Empty : $" Report: {report.Path}.")));
        if (!settings.Yes && rows.Any(r => r.Outcome == ResubmitReport.DryRun))
        {
            console.MarkupLine("Dry run: nothing was sent. Add --yes to send them.");
        }

        return counts.ContainsKey(ResubmitReport.Failed) ? ExitCodes.ServiceError
            : counts.ContainsKey(ResubmitReport.Invalid) ? ExitCodes.CompletedWithErrors
            : ExitCodes.Success;
    }

    private async Task<ResubmitReport.Row> ResubmitAsync(ImpactConnection connection, ApiSubmission submission, PayloadEdits edits, bool send, CancellationToken cancellation)
    {
        var oldBatchId = submission.BatchId ?? string.Empty;
        if (submission.Type != SubmissionType.Conversion || string.IsNullOrEmpty(submission.Payload))
        {
            return new(oldBatchId, string.Empty, ResubmitReport.Skipped, submission.Type != SubmissionType.Conversion
                ? $"a {submission.Type}: only conversions can be sent again"
                : "no payload to send again");
        }

        var payload = submission.ParsePayload();
        foreach (var key in edits.ApplyTo(payload))
        {
            _absentRemovals[key] = _absentRemovals.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        var problems = payload.Validate();
        if (problems.Count > 0)
        {
            return new(oldBatchId, string.Empty, ResubmitReport.Invalid, string.Join(" ", problems.Select(p => p.Message)));
        }

        if (!send)
        {
            return new(oldBatchId, string.Empty, ResubmitReport.DryRun, "valid; would be sent with --yes");
        }

        await PaceAsync(connection.Client, cancellation);
        try
        {
            var queued = await connection.Client.SubmitConversionAsync(payload, cancellation);
            return new(oldBatchId, queued.BatchId!, ResubmitReport.Queued, queued.QueuedUri!);
        }
        catch (ImpactApiException e) when (e.StatusCode is not (401 or 403) && e is not ImpactOriginRefusedException)
        {
            // One conversion's failure is that row's outcome; credentials that do not work stop the batch.
            return new(oldBatchId, string.Empty, ResubmitReport.Failed, e.Message);
        }
    }

    // impact.com's window is shared by every request: when the last answer said none are left, wait for the reset (capped).
    private async Task PaceAsync(ApiSubmissionsClient client, CancellationToken cancellation)
    {
        if (client.RateLimit is not { Remaining: <= 0, ResetsAt: { } resetsAt })
        {
            return;
        }

        var pause = resetsAt - DateTimeOffset.UtcNow;
        if (pause <= TimeSpan.Zero)
        {
            return;
        }

        pause = pause < MaxPause ? pause : MaxPause;
        _reporter.Detail($"Rate limit used up: waiting {Display.Duration(pause)} for the window to reset.");
        await Task.Delay(pause, cancellation);
    }

    private async Task RunWithProgressAsync(int total, Func<Action, Task> work)
    {
        if (!_environment.IsLiveTerminal || total == 0)
        {
            await work(() => { });
            return;
        }

        await _environment.Out.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Resubmitting", maxValue: total);
                await work(() =>
                {
                    task.Increment(1);
                    task.Description = $"resubmitted {task.Value.ToString("N0", CultureInfo.InvariantCulture)} of {total.ToString("N0", CultureInfo.InvariantCulture)}";
                });
            });
    }

    private static (SubmissionPayload Payload, IReadOnlyList<PayloadProblem> Problems) Edit(ApiSubmission submission, PayloadEdits edits, IAnsiConsole console, Action<string> warn)
    {
        if (submission.Type != SubmissionType.Conversion)
        {
            throw new UsageException($"Submission '{submission.BatchId}' is a {submission.Type}: only conversions can be sent again.");
        }

        if (string.IsNullOrEmpty(submission.Payload))
        {
            throw new UsageException($"Submission '{submission.BatchId}' has no payload to send again.");
        }

        var before = submission.ParsePayload();
        var after = submission.ParsePayload();
        foreach (var key in edits.ApplyTo(after))
        {
            warn(PayloadEdits.Absent(key, after));
        }

        PayloadEdits.WriteDiff(console, PayloadEdits.Diff(before, after));
        var problems = after.Validate();
        console.MarkupLine(problems.Count == 0 ? "Check: no problems." : $"Check: {Count(problems.Count, "problem")}:");
        foreach (var problem in problems)
        {
            console.MarkupLine("  " + Markup.Escape(problem.Message));
        }

        return (after, problems);
    }

    private static string Describe(PayloadEdits edits) => edits.IsEmpty ? "none" : edits.ToString();

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
