using System;
using System.Collections.Generic;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

public partial class ApiSubmission
{
    // The collection of the spec's one-submission path (.../APISubmissions/{BatchId}), between slashes.
    private static readonly string CollectionSegment = Collection(ImpactRequests.GetApiSubmissionPath.Split('/'));

    /// <summary>True when impact.com finished processing the submission (it may still carry errors: see <see cref="HasErrors"/>).</summary>
    [JsonIgnore]
    public bool IsComplete => Status == SubmissionStatus.Complete;

    /// <summary>True while the submission is <see cref="SubmissionStatus.Queued"/> or <see cref="SubmissionStatus.InProgress"/>.</summary>
    [JsonIgnore]
    public bool IsPending => Status == SubmissionStatus.Queued || Status == SubmissionStatus.InProgress;

    /// <summary>True when the submission records an <see cref="ErrorType"/> or at least one error reason.</summary>
    [JsonIgnore]
    public bool HasErrors => ErrorType.HasValue || ErrorReasons.Count > 0;

    /// <summary>
    /// The codes of <see cref="ErrorReason"/>, in order, typed; unknown codes are kept as sent.
    /// Empty when there are none.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<Impact.ApiSubmissions.ErrorReason> ErrorReasons => Impact.ApiSubmissions.ErrorReason.ParseList(ErrorReason);

    /// <summary>How long processing took (completion minus submission), or null until both dates are known.</summary>
    [JsonIgnore]
    public TimeSpan? ProcessingTime => CompletionDate.HasValue && SubmissionDate.HasValue ? CompletionDate.Value - SubmissionDate.Value : null;

    /// <summary>
    /// Reads the BatchId from a submission's path or URL, such as <see cref="Uri"/> or the QueuedUri a
    /// conversion POST returns (<c>/Advertisers/&lt;sid&gt;/APISubmissions/&lt;BatchId&gt;</c>).
    /// </summary>
    /// <param name="uri">A relative path or absolute URL; a query string or fragment is ignored.</param>
    /// <returns>The unescaped BatchId, or null when <paramref name="uri"/> is not a submission's path.</returns>
    public static string? BatchIdFromUri(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        var path = uri!.Trim();
        var cut = path.IndexOfAny(new[] { '?', '#' });
        if (cut >= 0)
        {
            path = path.Substring(0, cut);
        }

        var at = path.LastIndexOf(CollectionSegment, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var segment = path.Substring(at + CollectionSegment.Length).TrimEnd('/');
        if (segment.Length == 0 || segment.IndexOf('/') >= 0)
        {
            return null;
        }

        return System.Uri.UnescapeDataString(segment);
    }

    private static string Collection(string[] template) => "/" + template[template.Length - 2] + "/";

    /// <summary>
    /// Fields impact.com sent that the spec does not name (it adds fields without notice), with their values as text:
    /// a JSON string as it is, anything else as its JSON. Nothing the service sends is lost.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> AdditionalFields => WireExtras.AsText(AdditionalProperties);

    /// <summary>The BatchId, status and error summary, for logs and debuggers. Holds nothing secret.</summary>
    public override string ToString() =>
        $"{BatchId} {Status?.ToString() ?? "(no status)"}{(HasErrors ? $" {ErrorType?.ToString() ?? "error"}: {ErrorReason}" : string.Empty)}";
}
