using System;

namespace Impact.ApiSubmissions;

/// <summary>How <see cref="ApiSubmissionsClient.GetFtpErrorDetailsAsync"/> reads a file's failed lines.</summary>
public class FtpErrorDetailListOptions
{
    /// <summary>How many lines a page holds (<c>PageSize</c>). Default 1,000, impact.com's own default.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The 1-based page to start from (<c>Page</c>). Default 1.</summary>
    public int StartPage { get; set; } = 1;

    /// <summary>Stops after this many pages; null reads to the end.</summary>
    public int? MaxPages { get; set; }

    /// <summary>Called with each page as the listing reaches it, in order, before its lines are enumerated.</summary>
    public Action<FtpErrorDetailPage>? PageReceived { get; set; }
}
