using System;

namespace Impact.ApiSubmissions;

/// <summary>How <see cref="ApiSubmissionsClient.WaitForFtpCompletionAsync"/> polls an FTP file submission; the timings work as in <see cref="WaitForCompletionOptions"/>.</summary>
public class WaitForFtpCompletionOptions
{
    /// <summary>The first wait between two polls; later waits grow exponentially. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two polls. Default 30 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait in all before giving up. Default 10 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Called with the file submission the first time it is seen and each time its status changes.</summary>
    public Action<FtpFileSubmission>? StatusChanged { get; set; }
}
