namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>
/// <c>resubmit</c>: sends conversions again after editing their payload, one by BatchId or a batch by filter.
/// A dry run unless <c>--yes</c>: it shows the changes and the check and sends nothing.
/// </summary>
internal sealed class ResubmitCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<ResubmitSettings>(environment, reporter)
{
    /// <summary>The longest the batch waits for a rate-limit window to reset before its next request.</summary>
    internal static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(2);

    // For a batch: each --remove key, and how many of the selected payloads lacked it.
    private readonly Dictionary<string, int> _absentRemovals = new(StringComparer.Ordinal);

    public override async Task<int> ExecuteAsync(CommandContext context, ResubmitSettings settings)
    {
        var edits = PayloadEdits.Parse(settings.Set, settings.Remove);
        var filter = SubmissionFilter.From(settings, Environment.Clock.GetUtcNow(), Environment.LocalZone, Reporter.Warn);
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
        using var connection = ImpactConnection.Open(settings, Environment, Reporter, advice: DeadlineAdvice.OneConversion);
        var console = Environment.Out;
        if (connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId))
        {
            console.MarkupLine($"[grey]Demo: a conversion sent to CampaignId {DemoServer.MistypedCampaignId} by mistake; --set CampaignId={DemoServer.IntendedCampaignId} fixes it.[/]");
        }

        var submission = await connection.Client.GetApiSubmissionAsync(batchId, connection.Cancellation);
        console.MarkupLine($"Submission [bold]{Markup.Escape(batchId)}[/]: {Display.OutcomeMarkup(submission)}");
        // The SDK says which submissions can be sent again; the edits and the check are shown before anything is sent.
        var payload = SubmissionPayload.ForResubmission(submission);
        foreach (var key in edits.ApplyTo(payload))
        {
            Reporter.Warn(PayloadEdits.Absent(key, payload));
        }

        PayloadEdits.WriteDiff(console, PayloadEdits.Diff(submission.ParsePayload(), payload));
        var problems = payload.Validate();
        console.MarkupLine(problems.Count == 0 ? "Check: no problems." : $"Check: {Display.Count(problems.Count, "problem")}:");
        foreach (var problem in problems)
        {
            console.MarkupLine("  " + Markup.Escape(problem.Message));
        }

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
            ? await WaitCommand.FollowAsync(Environment, connection, queued.BatchId!, timing)
            : ExitCodes.Success;
    }

    private async Task<int> ResubmitBatchAsync(ResubmitSettings settings, PayloadEdits edits, SubmissionFilter filter, ResubmitReport? report)
    {
        using var connection = ImpactConnection.Open(settings, Environment, Reporter);
        var console = Environment.Out;
        var cancellation = connection.Cancellation;
        Demo.WriteBanner(Environment, connection, OutputFormat.Table);

        // Read the whole selection first: the submissions this batch creates must not join it.
        var reader = filter.Reader(connection);
        var selected = await ListingProgress.RunAsync(Environment, show: true, reader, reader.ReadAllAsync, cancellation);

        console.MarkupLine(Markup.Escape($"{Display.Count(selected.Count, "submission")} match: {filter.Describe()}. {(settings.Yes ? "Sending" : "Dry run, nothing is sent")}; changes: {Describe(edits)}."));
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
            Reporter.Warn($"--remove {key}: {Display.Count(lacking, "payload")} had no {key}, so nothing was removed from {(lacking == 1 ? "it" : "them")}.");
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
        SubmissionPayload payload;
        try
        {
            payload = SubmissionPayload.ForResubmission(submission);
        }
        catch (ArgumentException e)
        {
            return new(oldBatchId, string.Empty, ResubmitReport.Skipped, ErrorReporter.WithoutParameterName(e));
        }

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
        Reporter.Detail($"Rate limit used up: waiting {Display.Duration(pause)} for the window to reset.");
        await Task.Delay(pause, cancellation);
    }

    private async Task RunWithProgressAsync(int total, Func<Action, Task> work)
    {
        if (!Environment.IsLiveTerminal || total == 0)
        {
            await work(() => { });
            return;
        }

        await ListingProgress.Bar(Environment, "Resubmitting", total, async task =>
        {
            await work(() =>
            {
                task.Increment(1);
                task.Description = $"resubmitted {Display.N((long)task.Value)} of {Display.N(total)}";
            });
            return true;
        });
    }

    private static string Describe(PayloadEdits edits) => edits.IsEmpty ? "none" : edits.ToString();
}
