using System;
using System.Collections.Generic;
using Impact.ApiSubmissions.Serialization;
using Newtonsoft.Json;

namespace Impact.ApiSubmissions;

public partial class FtpFileSubmission
{
    /// <summary>True when impact.com finished processing the file (some of its records may still have failed: see <see cref="HasErrors"/>).</summary>
    [JsonIgnore]
    public bool IsComplete => Status == SubmissionStatus.Complete;

    /// <summary>True while the file is <see cref="SubmissionStatus.Queued"/> or <see cref="SubmissionStatus.InProgress"/>.</summary>
    [JsonIgnore]
    public bool IsPending => Status == SubmissionStatus.Queued || Status == SubmissionStatus.InProgress;

    /// <summary>True when at least one of the file's records failed (<see cref="TotalErrors"/> above 0): read them with <see cref="ApiSubmissionsClient.GetFtpErrorDetailsAsync"/>.</summary>
    [JsonIgnore]
    public bool HasErrors => TotalErrors > 0;

    /// <summary>How long processing took (completion minus submission), or null until both dates are known.</summary>
    [JsonIgnore]
    public TimeSpan? ProcessingTime => CompletionDate.HasValue && SubmissionDate.HasValue ? CompletionDate.Value - SubmissionDate.Value : null;

    /// <summary>
    /// Fields impact.com sent that the spec does not name, with their values as text:
    /// a JSON string as it is, anything else as its JSON. Nothing the service sends is lost.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> AdditionalFields => WireExtras.AsText(AdditionalProperties);

    /// <summary>The BatchId, file name, status and counts, for logs and debuggers. Holds nothing secret.</summary>
    public override string ToString() =>
        $"{BatchId} {FileName} {Status?.ToString() ?? "(no status)"} {TotalErrors?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}/{TotalRecords?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} failed";
}
