using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

public partial class ConversionQueued
{
    /// <summary>
    /// The BatchId of the API submission the conversion became: the last segment of <see cref="QueuedUri"/>.
    /// Follow it with <see cref="ApiSubmissionsClient.WaitForCompletionAsync"/>. Null only when <see cref="QueuedUri"/>
    /// is not a submission's path, which the client never returns.
    /// </summary>
    [JsonIgnore]
    public string? BatchId => ApiSubmission.BatchIdFromUri(QueuedUri);

    /// <summary>The status and the QueuedUri, for logs.</summary>
    /// <returns>E.g. <c>QUEUED /Advertisers/IRsid/APISubmissions/A-...</c>.</returns>
    public override string ToString() => $"{Status} {QueuedUri}";
}
