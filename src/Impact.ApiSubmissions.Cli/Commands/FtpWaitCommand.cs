namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp wait</c>: polls one FTP file until impact.com has processed it; exit codes as for <c>wait</c>.</summary>
internal sealed class FtpWaitCommand : AsyncCommand<FtpWaitSettings>
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;

    public FtpWaitCommand(CliEnvironment environment, ErrorReporter reporter)
    {
        _environment = environment;
        _reporter = reporter;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, FtpWaitSettings settings)
    {
        var batchId = FtpReference.Require(settings.BatchId, settings.Demo, DemoServer.ProgressingFtpBatchId, "wait");
        var (interval, maxInterval, timeout) = WaitTiming.Parse(settings.Interval, settings.MaxInterval, settings.Timeout, settings.Demo);
        using var connection = ImpactConnection.Open(settings, _environment, _reporter, wholeCommandDeadline: false);
        var console = _environment.Out;
        if (connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId))
        {
            console.MarkupLine("[grey]Demo: a file that goes Queued, In Progress, Complete as it is polled.[/]");
        }

        console.MarkupLine($"Waiting for FTP file [bold]{Markup.Escape(batchId)}[/] (polls every {Display.Duration(interval)} at first, gives up after {Display.Duration(timeout)}).");
        FtpFileSubmission? lastSeen = null;
        var options = new WaitForFtpCompletionOptions
        {
            PollInterval = interval,
            MaxPollInterval = maxInterval,
            Timeout = timeout,
            StatusChanged = f =>
            {
                lastSeen = f;
                console.MarkupLine($"[grey]{WaitTiming.Now(_environment)}[/]  {FtpViews.StatusMarkup(f)}");
            },
        };

        var done = await WaitTiming.AwaitAsync(
            _environment,
            connection.Client.WaitForFtpCompletionAsync(batchId, options, _environment.Cancellation),
            "FTP file",
            batchId,
            "ftp wait",
            timeout,
            () => lastSeen?.Status);

        console.WriteLine();
        FtpViews.WriteDetails(console, done);
        if (!done.IsComplete)
        {
            throw new CommandFailedException(ExitCodes.ServiceError, $"FTP file '{batchId}' ended in status '{done.Status}', which this tool does not know.");
        }

        if (done.HasErrors)
        {
            console.MarkupLine(Markup.Escape($"Its failed lines: {CliApp.Name} ftp errors {batchId}"));
        }

        return done.HasErrors ? ExitCodes.CompletedWithErrors : ExitCodes.Success;
    }
}
