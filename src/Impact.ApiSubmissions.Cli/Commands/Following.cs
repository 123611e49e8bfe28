using System;
using System.Globalization;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Cli.Connection;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Cli.Output;
using Spectre.Console;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The <c>--wait</c> of <c>submit</c> and <c>resubmit</c>: follows a new submission to its end, with <c>wait</c>'s exit codes.</summary>
internal static class Following
{
    public static async Task<int> WaitAsync(CliEnvironment environment, ImpactConnection connection, string batchId, string? intervalText, string? timeoutText)
    {
        var interval = DurationArgument.Parse("--interval", intervalText, TimeSpan.FromSeconds(connection.IsDemo ? 1 : 2));
        var maxInterval = TimeSpan.FromSeconds(connection.IsDemo ? 2 : 30);
        var timeout = DurationArgument.Parse("--timeout", timeoutText, TimeSpan.FromMinutes(10));
        var console = environment.Out;
        var options = new WaitForCompletionOptions
        {
            PollInterval = interval,
            MaxPollInterval = maxInterval < interval ? interval : maxInterval,
            Timeout = timeout,
            StatusChanged = s => console.MarkupLine($"  {Display.StatusMarkup(s)}"),
        };

        ApiSubmission done;
        try
        {
            done = await connection.Client.WaitForCompletionAsync(batchId, options, environment.Cancellation);
        }
        catch (ImpactWaitTimeoutException e)
        {
            var status = e.LastStatus?.ToString() is { Length: > 0 } last ? $"still {last}" : "not seen yet";
            throw new CommandFailedException(
                ExitCodes.WaitTimedOut,
                $"Gave up after {Display.Duration(timeout)}: submission '{batchId}' is {status} ({e.Polls.ToString(CultureInfo.InvariantCulture)} polls). Run '{CliApp.Name} wait {batchId}' to go on waiting.",
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
