namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>wait</c>: polls one submission until impact.com finishes it; the exit code tells how it ended.</summary>
internal sealed class WaitCommand : AsyncCommand<WaitSettings>
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    public WaitCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, WaitSettings settings)
    {
        var reference = SubmissionReference.Require(settings.BatchId, settings.Demo, DemoServer.ProgressingBatchId, "wait");
        var batchId = SubmissionReference.BatchId(reference);
        var (interval, maxInterval, timeout) = WaitTiming.Parse(settings.Interval, settings.MaxInterval, settings.Timeout, settings.Demo);
        using var connection = ImpactConnection.Open(settings, _environment, _reporter, wholeCommandDeadline: false);
        var console = _environment.Out;
        if (connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId))
        {
            console.MarkupLine("[grey]Demo: a submission that goes Queued, In Progress, Complete as it is polled.[/]");
        }

        console.MarkupLine($"Waiting for [bold]{Markup.Escape(batchId)}[/] (polls every {Display.Duration(interval)} at first, gives up after {Display.Duration(timeout)}).");
        return await FollowAsync(_environment, connection, batchId, interval, maxInterval, timeout);
    }

    /// <summary>
    /// Polls a submission until impact.com finishes it, printing each status change, then its details. The exit code:
    /// 0 complete, 3 complete with errors, 4 timed out. <c>submit --wait</c> and <c>resubmit --wait</c> follow the new submission with it.
    /// </summary>
    internal static async Task<int> FollowAsync(CliEnvironment environment, ImpactConnection connection, string batchId, TimeSpan interval, TimeSpan maxInterval, TimeSpan timeout)
    {
        var console = environment.Out;
        ApiSubmission? lastSeen = null;
        var options = new WaitForCompletionOptions
        {
            PollInterval = interval,
            MaxPollInterval = maxInterval,
            Timeout = timeout,
            StatusChanged = s =>
            {
                lastSeen = s;
                console.MarkupLine($"[grey]{WaitTiming.Now(environment)}[/]  {Display.StatusMarkup(s)}");
            },
        };

        var done = await WaitTiming.AwaitAsync(
            environment,
            connection.Client.WaitForCompletionAsync(batchId, options, environment.Cancellation),
            "submission",
            batchId,
            "wait",
            timeout,
            () => lastSeen?.Status);

        console.WriteLine();
        SubmissionDetails.Write(console, done, withPayload: false);
        if (!done.IsComplete)
        {
            throw new CommandFailedException(ExitCodes.ServiceError, $"Submission '{batchId}' ended in status '{done.Status}', which this tool does not know.");
        }

        return done.HasErrors ? ExitCodes.CompletedWithErrors : ExitCodes.Success;
    }
}
