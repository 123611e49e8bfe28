using System;

namespace Impact.ApiSubmissions;

/// <summary>One HTTP attempt, as the client reports it to <see cref="ApiSubmissionsClientOptions.RequestLogged"/>. Holds no credentials.</summary>
public sealed class ApiRequestLogEntry
{
    internal ApiRequestLogEntry(string method, string path, int? statusCode, int attempt, TimeSpan elapsed, string? failure)
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Attempt = attempt;
        Elapsed = elapsed;
        Failure = failure;
    }

    /// <summary>The HTTP method, e.g. GET.</summary>
    public string Method { get; }

    /// <summary>The request's path and query, relative to the base address.</summary>
    public string Path { get; }

    /// <summary>The response's status code, or null when no response came (timeout, connection failure).</summary>
    public int? StatusCode { get; }

    /// <summary>The 1-based attempt number; above 1 for retries.</summary>
    public int Attempt { get; }

    /// <summary>How long the attempt took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Why the attempt failed without a response (the exception's type and message), or null.</summary>
    public string? Failure { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Failure ?? "no response")} (attempt {Attempt}, {Elapsed.TotalMilliseconds:0} ms)";
}
