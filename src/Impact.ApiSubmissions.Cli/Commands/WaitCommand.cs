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
        ApiSubmission? lastSeen = null;
        var options = new WaitForCompletionOptions
        {
            PollInterval = interval,
            MaxPollInterval = maxInterval,
            Timeout = timeout,
            StatusChanged = s =>
            {
                lastSeen = s;
                console.MarkupLine($"[grey]{WaitTiming.Now(_environment)}[/]  {Display.StatusMarkup(s)}");
            },
        };

        ApiSubmission done;
        try
        {
            var waiting = connection.Client.WaitForCompletionAsync(batchId, options, _environment.Cancellation);
            done = _environment.IsLiveTerminal
                ? await console.Status().StartAsync("Waiting for impact.com...", _ => waiting)
                : await waiting;
        }
        catch (OperationCanceledException e) when (_environment.Cancellation.IsCancellationRequested)
        {
            // Ctrl+C: say where the submission stood, so the user knows what they stopped waiting for.
            var status = lastSeen?.Status?.ToString() is { Length: > 0 } last ? $"was still {last}" : "had not been seen yet";
            throw new CommandFailedException(ExitCodes.Cancelled, $"Cancelled: submission '{batchId}' {status} when the wait stopped. Run '{CliApp.Name} wait {batchId}' to go on waiting.", e);
        }
        catch (ImpactWaitTimeoutException e)
        {
            var status = e.LastStatus?.ToString() is { Length: > 0 } last ? $"still {last}" : "not seen yet";
            throw new CommandFailedException(
                ExitCodes.WaitTimedOut,
                $"Gave up after {Display.Duration(timeout)}: submission '{batchId}' is {status} ({e.Polls.ToString(CultureInfo.InvariantCulture)} polls). impact.com may need longer: run wait again, or give a longer --timeout.",
                e);
        }

        console.WriteLine();
        SubmissionDetails.Write(console, done, withPayload: false);
        if (!done.IsComplete)
        {
            throw new CommandFailedException(ExitCodes.ServiceError, $"Submission '{batchId}' ended in status '{done.Status}', which this tool does not know.");
        }

        return done.HasErrors ? ExitCodes.CompletedWithErrors : ExitCodes.Success;
    }
}
