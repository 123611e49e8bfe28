namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary><c>ftp wait</c>: polls one FTP file until impact.com has processed it; exit codes as for <c>wait</c>.</summary>
internal sealed class FtpWaitCommand(CliEnvironment environment, ErrorReporter reporter) : ImpactCommand<FtpWaitSettings>(environment, reporter)
{
    private static readonly Follow<FtpFileSubmission> File = new("FTP file", "ftp wait", f => f.Status, f => f.IsComplete, f => f.HasErrors, FtpViews.StatusMarkup, WriteDetails);

    public override async Task<int> ExecuteAsync(CommandContext context, FtpWaitSettings settings)
    {
        var batchId = FtpReference.Require(settings.BatchId, settings.Demo, DemoServer.ProgressingFtpBatchId, "wait");
        var timing = WaitTiming.Parse(settings.Interval, settings.MaxInterval, settings.Timeout, settings.Demo);
        using var connection = ImpactConnection.Open(settings, Environment, Reporter, wholeCommandDeadline: false);
        var demoNote = connection.IsDemo && string.IsNullOrWhiteSpace(settings.BatchId) ? "a file that goes Queued, In Progress, Complete as it is polled." : null;
        timing.Announce(Environment.Out, demoNote, $"FTP file [bold]{Markup.Escape(batchId)}[/]");
        return await File.RunAsync(Environment, batchId, timing.Timeout, changed => connection.Client.WaitForFtpCompletionAsync(
            batchId,
            new WaitOptions<FtpFileSubmission> { PollInterval = timing.Interval, MaxPollInterval = timing.MaxInterval, Timeout = timing.Timeout, StatusChanged = changed },
            Environment.Cancellation));
    }

    private static void WriteDetails(IAnsiConsole console, FtpFileSubmission file)
    {
        FtpViews.WriteDetails(console, file);
        if (file.IsComplete && file.HasErrors)
        {
            console.MarkupLine(Markup.Escape($"Its failed lines: {CliApp.Name} ftp errors {file.BatchId}"));
        }
    }
}
