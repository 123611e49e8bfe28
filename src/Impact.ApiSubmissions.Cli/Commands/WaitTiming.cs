using System;
using System.Globalization;
using Impact.ApiSubmissions.Cli.Infrastructure;

namespace Impact.ApiSubmissions.Cli.Commands;

/// <summary>The poll timings of <c>wait</c> and <c>ftp wait</c>, read from their options, and the clock they print.</summary>
internal static class WaitTiming
{
    /// <exception cref="UsageException">A duration is not one, or --max-interval is shorter than --interval.</exception>
    public static (TimeSpan Interval, TimeSpan MaxInterval, TimeSpan Timeout) Parse(string? intervalText, string? maxIntervalText, string? timeoutText, bool demo)
    {
        var interval = DurationArgument.Parse("--interval", intervalText, TimeSpan.FromSeconds(demo ? 1 : 2));
        var maxInterval = DurationArgument.Parse("--max-interval", maxIntervalText, TimeSpan.FromSeconds(demo ? 2 : 30));
        var timeout = DurationArgument.Parse("--timeout", timeoutText, TimeSpan.FromMinutes(10));
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
}
