using System;

namespace Impact.ApiSubmissions;

/// <summary>
/// Which FTP file submissions <see cref="ApiSubmissionsClient.GetFtpSubmissionsAsync"/> lists, and how. The date filters
/// are applied by impact.com: each is sent as ISO 8601 with its UTC offset (<c>2026-09-01T00:00:00-07:00</c>), whole
/// seconds. A start includes its instant; an end excludes it.
/// </summary>
public class FtpSubmissionListOptions
{
    /// <summary>Only files submitted at or after this instant (<c>SubmissionDateStart</c>); null for no lower bound.</summary>
    public DateTimeOffset? SubmissionDateStart { get; set; }

    /// <summary>Only files submitted before this instant (<c>SubmissionDateEnd</c>); null for no upper bound.</summary>
    public DateTimeOffset? SubmissionDateEnd { get; set; }

    /// <summary>Only files whose processing completed at or after this instant (<c>CompletedDateStart</c>); files still processing are left out.</summary>
    public DateTimeOffset? CompletedDateStart { get; set; }

    /// <summary>Only files whose processing completed before this instant (<c>CompletedDateEnd</c>); files still processing are left out.</summary>
    public DateTimeOffset? CompletedDateEnd { get; set; }

    /// <summary>How many files a page holds (<c>PageSize</c>). Default 1,000, impact.com's own default.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The 1-based page to start from (<c>Page</c>). Default 1.</summary>
    public int StartPage { get; set; } = 1;

    /// <summary>Stops after this many pages; null reads to the end.</summary>
    public int? MaxPages { get; set; }

    /// <summary>Called with each page as the listing reaches it, in order, before its files are enumerated.</summary>
    public Action<FtpFileSubmissionPage>? PageReceived { get; set; }
}
