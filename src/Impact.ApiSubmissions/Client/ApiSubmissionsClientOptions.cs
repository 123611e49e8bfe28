using System;

namespace Impact.ApiSubmissions;

/// <summary>Settings for an <see cref="ApiSubmissionsClient"/>: where it connects, and how it retries and times out.</summary>
public class ApiSubmissionsClientOptions
{
    /// <summary>The default base address, <c>https://api.impact.com</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.impact.com/");

    /// <summary>
    /// The service's base address. Plain <c>http</c> is accepted only for loopback hosts (a local mock);
    /// anywhere else credentials would travel in clear, so the client refuses it.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The impact.com API version to request (header <c>IR-Version</c>); null uses the account's configured version.</summary>
    public int? ApiVersion { get; set; }

    /// <summary>Text appended to the SDK's User-Agent, e.g. your application's name and version.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Retries, per-attempt timeout and overall deadline.</summary>
    public ApiSubmissionsRetryOptions Retry { get; set; } = new();

    /// <summary>Called once per HTTP attempt with what was sent and how it ended. Entries never hold credentials.</summary>
    public Action<ApiRequestLogEntry>? RequestLogged { get; set; }
}

/// <summary>
/// How the client retries safe GETs: on 429, 500, 502, 503, 504, timeouts and connection failures,
/// with exponential backoff and jitter. On 429 it waits for <c>Retry-After</c> or <c>X-RateLimit-Reset</c>
/// when the service sends them, never longer than <see cref="MaxRateLimitDelay"/>.
/// </summary>
public class ApiSubmissionsRetryOptions
{
    /// <summary>How many times a failed attempt is retried; 0 switches retries off. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay between attempts. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait the client accepts from a 429's <c>Retry-After</c> or <c>X-RateLimit-Reset</c>. Default 60 seconds.</summary>
    public TimeSpan MaxRateLimitDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt (request and reading its body) may take. Default 100 seconds; null for no limit.</summary>
    public TimeSpan? AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long one call may take across all its attempts and waits. Default 5 minutes; null for no limit.</summary>
    public TimeSpan? OverallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether backoff delays are randomised so that many clients do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The clock of retry waits and timeouts; null for the system's. Tests move it by hand to see how long the client waits.</summary>
    internal TimeProvider? TimeProvider { get; set; }
}
