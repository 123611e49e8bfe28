using System;
using Impact.ApiSubmissions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The client's log events. Entries carry method, path, status, attempt and elapsed time: never credentials.</summary>
internal static class ApiSubmissionsLog
{
    private static readonly Action<ILogger, string, string, int, int, double, Exception?> Answered =
        LoggerMessage.Define<string, string, int, int, double>(
            LogLevel.Information,
            new EventId(1, "ImpactRequestAnswered"),
            "impact.com {Method} {Path} answered {StatusCode} (attempt {Attempt}, {ElapsedMs} ms)");

    private static readonly Action<ILogger, string, string, int, int, double, Exception?> AnsweredWithError =
        LoggerMessage.Define<string, string, int, int, double>(
            LogLevel.Warning,
            new EventId(2, "ImpactRequestFailed"),
            "impact.com {Method} {Path} answered {StatusCode} (attempt {Attempt}, {ElapsedMs} ms)");

    private static readonly Action<ILogger, string, string, string, int, double, Exception?> NoAnswer =
        LoggerMessage.Define<string, string, string, int, double>(
            LogLevel.Warning,
            new EventId(3, "ImpactRequestNoAnswer"),
            "impact.com {Method} {Path} got no answer: {Failure} (attempt {Attempt}, {ElapsedMs} ms)");

    public static void Request(ILogger logger, ApiRequestLogEntry entry)
    {
        var elapsed = Math.Round(entry.Elapsed.TotalMilliseconds, 1);
        if (entry.StatusCode is { } status)
        {
            (status < 400 ? Answered : AnsweredWithError)(logger, entry.Method, entry.Path, status, entry.Attempt, elapsed, null);
        }
        else
        {
            NoAnswer(logger, entry.Method, entry.Path, entry.Failure ?? "unknown", entry.Attempt, elapsed, null);
        }
    }
}
