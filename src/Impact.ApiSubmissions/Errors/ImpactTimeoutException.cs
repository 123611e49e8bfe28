using System;

namespace Impact.ApiSubmissions;

/// <summary>
/// impact.com did not answer (or did not finish its answer) within the per-attempt timeout or the overall
/// deadline of <see cref="ApiSubmissionsRetryOptions"/>. <see cref="ImpactApiException.StatusCode"/> is 0.
/// </summary>
public class ImpactTimeoutException : ImpactApiException
{
    internal ImpactTimeoutException(string message, int attempts, TimeSpan elapsed, Exception? innerException)
        : base(0, message, null, null, null, null, innerException)
    {
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>How many attempts (or polls) were made.</summary>
    public int Attempts { get; }

    /// <summary>How long the call ran before it gave up.</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
