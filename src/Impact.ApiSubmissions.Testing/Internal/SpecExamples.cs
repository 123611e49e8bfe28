namespace Impact.ApiSubmissions.Testing.Internal;

/// <summary>
/// The spec's <c>ApiSubmission</c> schema as the mock's source for fields it does not model itself: a property
/// added to it is served with the schema's example, so a spec edit reaches the mock's answers with no hand edit here.
/// </summary>
internal static class SpecExamples
{
    // The fields the generator and the builder set themselves; every other wire field comes from the spec.
    private static readonly SpecRecord<ApiSubmission> Shape = new("ApiSubmission", new[]
    {
        nameof(ApiSubmission.BatchId), nameof(ApiSubmission.AccountId), nameof(ApiSubmission.SubmissionDate),
        nameof(ApiSubmission.CampaignId), nameof(ApiSubmission.ActionTrackerId), nameof(ApiSubmission.MediaPartnerId),
        nameof(ApiSubmission.EventCode), nameof(ApiSubmission.OrderId), nameof(ApiSubmission.Payload),
        nameof(ApiSubmission.Type), nameof(ApiSubmission.Status), nameof(ApiSubmission.CompletionDate),
        nameof(ApiSubmission.ErrorType), nameof(ApiSubmission.ErrorReason), nameof(ApiSubmission.Uri),
    });

    /// <summary>The submission's wire properties, in the model's order.</summary>
    public static System.Collections.Generic.IReadOnlyList<Newtonsoft.Json.Serialization.JsonProperty> WireProperties => Shape.WireProperties;

    /// <summary>Sets every wire property the mock does not model to the spec's example for it.</summary>
    public static ApiSubmission Fill(ApiSubmission submission) => Shape.Fill(submission);
}
