namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The poll timings of a wait, read from <c>--interval</c>, <c>--max-interval</c> and <c>--timeout</c>.</summary>
internal sealed record WaitTiming(TimeSpan Interval, TimeSpan MaxInterval, TimeSpan Timeout)
{
    /// <summary>How long a wait lasts when --timeout is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <exception cref="UsageException">A duration is not one, or --max-interval is shorter than --interval.</exception>
    public static WaitTiming Parse(string? intervalText, string? maxIntervalText, string? timeoutText, bool demo)
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

        return new WaitTiming(interval, maxInterval, timeout);
    }

    /// <summary>The line a wait starts with, after the demo's note when the demo picked the record.</summary>
    public void Announce(IAnsiConsole console, string? demoNote, string what)
    {
        if (demoNote is not null)
        {
            console.MarkupLine("[grey]Demo: " + Markup.Escape(demoNote) + "[/]");
        }

        console.MarkupLine($"Waiting for {what} (polls every {Display.Duration(Interval)} at first, gives up after {Display.Duration(Timeout)}).");
    }
}
