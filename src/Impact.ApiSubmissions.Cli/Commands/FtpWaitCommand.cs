using System;
using System.Globalization;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Cli.Connection;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Cli.Output;
using Impact.ApiSubmissions.Cli.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

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

        FtpFileSubmission done;
        try
        {
            var waiting = connection.Client.WaitForFtpCompletionAsync(batchId, options, _environment.Cancellation);
            done = _environment.IsLiveTerminal
                ? await console.Status().StartAsync("Waiting for impact.com...", _ => waiting)
                : await waiting;
        }
        catch (OperationCanceledException e) when (_environment.Cancellation.IsCancellationRequested)
        {
            var status = lastSeen?.Status?.ToString() is { Length: > 0 } last ? $"was still {last}" : "had not been seen yet";
            throw new CommandFailedException(ExitCodes.Cancelled, $"Cancelled: FTP file '{batchId}' {status} when the wait stopped. Run '{CliApp.Name} ftp wait {batchId}' to go on waiting.", e);
        }
        catch (ImpactWaitTimeoutException e)
        {
            var status = e.LastStatus?.ToString() is { Length: > 0 } last ? $"still {last}" : "not seen yet";
            throw new CommandFailedException(
                ExitCodes.WaitTimedOut,
                $"Gave up after {Display.Duration(timeout)}: FTP file '{batchId}' is {status} ({e.Polls.ToString(CultureInfo.InvariantCulture)} polls). impact.com may need longer: run ftp wait again, or give a longer --timeout.",
                e);
        }

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
