using System;

namespace Impact.ApiSubmissions;

/// <summary>
/// impact.com could not be reached, or the connection broke before an answer was complete (DNS, refused
/// connection, reset, TLS). <see cref="ImpactApiException.StatusCode"/> is 0. Retried before it is thrown.
/// </summary>
public class ImpactTransportException : ImpactApiException
{
    internal ImpactTransportException(string message, int attempts, TimeSpan elapsed, Exception innerException)
        : base(0, message, null, null, null, null, innerException)
    {
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>How long the call ran before it gave up.</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
