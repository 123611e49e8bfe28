namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>What <c>wait</c> and <c>ftp wait</c> share: the poll timings read from their options, the clock they print, and how a wait ends.</summary>
internal static class WaitTiming
{
    /// <summary>How long a wait lasts when --timeout is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <exception cref="UsageException">A duration is not one, or --max-interval is shorter than --interval.</exception>
    public static (TimeSpan Interval, TimeSpan MaxInterval, TimeSpan Timeout) Parse(string? intervalText, string? maxIntervalText, string? timeoutText, bool demo)
    {
        var interval = DurationArgument.Parse("--interval", intervalText, TimeSpan.FromSeconds(demo ? 1 : 2));
        var maxInterval = DurationArgument.Parse("--max-interval", maxIntervalText, TimeSpan.FromSeconds(demo ? 2 : 30));
        var timeout = DurationArgument.Parse("--timeout", timeoutText, DefaultTimeout);
        if (maxInterval < interval)
        {
            if (maxIntervalText is not null)
            {
                throw new UsageException($"--max-interval ({maxIntervalText}) must not be shorter than --interval ({intervalText}).");
            }

            maxInterval = interval;
        }

        return (interval, maxInterval, timeout);
    }

    /// <summary>The local time of day, for each status line.</summary>
    public static string Now(CliEnvironment environment) =>
        TimeZoneInfo.ConvertTime(environment.Clock.GetUtcNow(), environment.LocalZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Awaits a started wait, with a spinner on a live terminal. Ctrl+C and a timeout end the command with one line
    /// that says where the record stood (<paramref name="what"/> '<paramref name="batchId"/>') and how to go on.
    /// </summary>
    public static async Task<T> AwaitAsync<T>(CliEnvironment environment, Task<T> waiting, string what, string batchId, string command, TimeSpan timeout, Func<SubmissionStatus?> lastStatus)
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
            throw new CommandFailedException(ExitCodes.Cancelled, $"Cancelled: {what} '{batchId}' {status} when the wait stopped. Run '{CliApp.Name} {command} {batchId}' to go on waiting.", e);
        }
        catch (ImpactWaitTimeoutException e)
        {
            var status = e.LastStatus?.ToString() is { Length: > 0 } last ? $"still {last}" : "not seen yet";
            throw new CommandFailedException(
                ExitCodes.WaitTimedOut,
                $"Gave up after {Display.Duration(timeout)}: {what} '{batchId}' is {status} ({e.Polls.ToString(CultureInfo.InvariantCulture)} polls). impact.com may need longer: run {command} again, or give a longer --timeout.",
                e);
        }
    }
}
