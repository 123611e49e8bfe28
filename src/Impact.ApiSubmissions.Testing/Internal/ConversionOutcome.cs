namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>How a queued conversion ends: its error type and reason (null when none) and what it is credited to.</summary>
internal sealed record ConversionOutcome(string? ErrorType, string? ErrorReason, long? ActionTrackerId, long? MediaPartnerId)
{
    public static ConversionOutcome Failed(string errorType, string reason, long? actionTrackerId = null) =>
        new(errorType, reason, actionTrackerId, null);

    public static ConversionOutcome Credited(long actionTrackerId, long mediaPartnerId) =>
        new(null, null, actionTrackerId, mediaPartnerId);
}
