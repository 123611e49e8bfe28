using System;

namespace Impact.ApiSubmissions;

/// <summary>
/// Which FTP file submissions <see cref="ApiSubmissionsClient.GetFtpSubmissionsAsync"/> lists, and how. The date filters
/// are applied by impact.com: each is sent as ISO 8601 with its UTC offset (<c>2026-09-01T00:00:00-07:00</c>), whole
/// seconds. A start includes its instant; an end excludes it.
/// </summary>
public class FtpSubmissionListOptions : ListOptions<FtpFileSubmission>
{
    /// <summary>Only files submitted at or after this instant (<c>SubmissionDateStart</c>); null for no lower bound.</summary>
    public DateTimeOffset? SubmissionDateStart { get; set; }

    /// <summary>Only files submitted before this instant (<c>SubmissionDateEnd</c>); null for no upper bound.</summary>
    public DateTimeOffset? SubmissionDateEnd { get; set; }

    /// <summary>Only files whose processing completed at or after this instant (<c>CompletedDateStart</c>); files still processing are left out.</summary>
    public DateTimeOffset? CompletedDateStart { get; set; }

    /// <summary>Only files whose processing completed before this instant (<c>CompletedDateEnd</c>); files still processing are left out.</summary>
    public DateTimeOffset? CompletedDateEnd { get; set; }
}
