namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>
/// The one way the tool follows a record until impact.com finishes it (<c>wait</c>, <c>ftp wait</c>, <c>submit --wait</c>,
/// <c>resubmit --wait</c>): each status change on a line of its own, then the record's details. The exit code: 0 complete,
/// 3 complete with errors, 4 timed out; Ctrl+C and a timeout end it with one line that says where the record stood.
/// </summary>
/// <param name="What">The record in words, e.g. <c>FTP file</c>.</param>
/// <param name="Command">The command that goes on waiting, e.g. <c>ftp wait</c>.</param>
/// <param name="Status">The record's status.</param>
/// <param name="IsComplete">True once impact.com finished it.</param>
/// <param name="HasErrors">True when it finished with errors.</param>
/// <param name="StatusMarkup">The status as each change shows it.</param>
/// <param name="WriteDetails">What is shown of the finished record.</param>
internal sealed record Follow<T>(
    string What,
    string Command,
    Func<T, SubmissionStatus?> Status,
    Func<T, bool> IsComplete,
    Func<T, bool> HasErrors,
    Func<T, string> StatusMarkup,
    Action<IAnsiConsole, T> WriteDetails)
    where T : class
{
    /// <param name="environment">Where the lines go, the clock, Ctrl+C.</param>
    /// <param name="batchId">The record followed.</param>
    /// <param name="timeout">How long the wait lasts, for the line a timeout ends with.</param>
    /// <param name="wait">Starts the SDK's wait, calling the given action on each status change.</param>
    public async Task<int> RunAsync(CliEnvironment environment, string batchId, TimeSpan timeout, Func<Action<T>, Task<T>> wait)
    {
        var console = environment.Out;
        T? lastSeen = null;
        var done = await AwaitAsync(
            environment,
            wait(record =>
            {
                lastSeen = record;
                var now = TimeZoneInfo.ConvertTime(environment.Clock.GetUtcNow(), environment.LocalZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                console.MarkupLine($"[grey]{now}[/]  {StatusMarkup(record)}");
            }),
            batchId,
            timeout,
            () => lastSeen is null ? null : Status(lastSeen));

        console.WriteLine();
        WriteDetails(console, done);
        if (!IsComplete(done))
        {
            throw new CommandFailedException(ExitCodes.ServiceError, $"{char.ToUpperInvariant(What[0])}{What[1..]} '{batchId}' ended in status '{Status(done)}', which this tool does not know.");
        }

        return HasErrors(done) ? ExitCodes.CompletedWithErrors : ExitCodes.Success;
    }

    // Awaits the started wait, with a spinner on a live terminal.
    private async Task<T> AwaitAsync(CliEnvironment environment, Task<T> waiting, string batchId, TimeSpan timeout, Func<SubmissionStatus?> lastStatus)
    {
        try
        {
            return environment.IsLiveTerminal
                ? await environment.Out.Status().StartAsync("Waiting for impact.com...", _ => waiting)
                : await waiting;
        }
        catch (OperationCanceledException e) when (environment.Cancellation.IsCancellationRequested)
        {
            // Ctrl+C: say where the record stood, so the user knows what they stopped waiting for.
            var status = lastStatus()?.ToString() is { Length: > 0 } last ? $"was still {last}" : "had not been seen yet";
            throw new CommandFailedException(ExitCodes.Cancelled, $"Cancelled: {What} '{batchId}' {status} when the wait stopped. Run '{CliApp.Name} {Command} {batchId}' to go on waiting.", e);
        }
        catch (ImpactWaitTimeoutException e)
        {
            var status = e.LastStatus?.ToString() is { Length: > 0 } last ? $"still {last}" : "not seen yet";
            throw new CommandFailedException(
                ExitCodes.WaitTimedOut,
                $"Gave up after {Display.Duration(timeout)}: {What} '{batchId}' is {status} ({e.Polls.ToString(CultureInfo.InvariantCulture)} polls). impact.com may need longer: run {Command} again, or give a longer --timeout.",
                e);
        }
    }
}
