namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>wait</c>: polls one submission until impact.com finishes it; the exit code tells how it ended.</summary>
internal sealed class WaitCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<WaitSettings>(environment, reporter)
{
    private static readonly Follow<ApiSubmission> Submission = new(
        "submission", "wait", s => s.Status, s => s.IsComplete, s => s.HasErrors, Display.StatusMarkup, (console, s) => SubmissionDetails.Write(console, s, withPayload: false));

    public override async Task<int> ExecuteAsync(CommandContext context, WaitSettings settings)
    {
        var batchId = SubmissionReference.BatchId(SubmissionReference.Require(settings.BatchId, settings.Demo, DemoServer.ProgressingBatchId, "wait"));
        var timing = WaitTiming.Parse(settings.Interval, settings.MaxInterval, settings.Timeout, settings.Demo);
        using var connection = ImpactConnection.Open(settings, Environment, Reporter, wholeCommandDeadline: false);
        var demoNote = connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId) ? "a submission that goes Queued, In Progress, Complete as it is polled." : null;
        timing.Announce(Environment.Out, demoNote, $"[bold]{Markup.Escape(batchId)}[/]");
        return await FollowAsync(Environment, connection, batchId, timing);
    }

    /// <summary>Follows a submission; <c>submit --wait</c> and <c>resubmit --wait</c> follow the new submission with it.</summary>
    internal static Task<int> FollowAsync(CliEnvironment environment, ImpactConnection connection, string batchId, WaitTiming timing) =>
        Submission.RunAsync(environment, batchId, timing.Timeout, changed => connection.Client.WaitForCompletionAsync(
            batchId,
            new WaitOptions<ApiSubmission> { PollInterval = timing.Interval, MaxPollInterval = timing.MaxInterval, Timeout = timing.Timeout, StatusChanged = changed },
            environment.Cancellation));
}
