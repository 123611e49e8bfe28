using System;

namespace Impact.ApiSubmissions;

/// <summary>
/// How a wait polls until impact.com stops processing a submission or an FTP file: the first interval, the longest
/// (intervals grow in between), the timeout, and a callback when the status changes.
/// </summary>
/// <typeparam name="T"><see cref="ApiSubmission"/> or <see cref="FtpFileSubmission"/>.</typeparam>
public class WaitOptions<T>
{
    /// <summary>The wait before the second poll. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two polls. Default 30 s.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait in all before <see cref="ImpactWaitTimeoutException"/>. Default 10 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Called with the record each time its status differs from the poll before (and on the first poll).</summary>
    public Action<T>? StatusChanged { get; set; }
}
