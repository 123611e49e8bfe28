using System;

namespace Impact.ApiSubmissions;

/// <summary>How <see cref="ApiSubmissionsClient.WaitForCompletionAsync"/> polls a submission.</summary>
public class WaitForCompletionOptions
{
    /// <summary>The first wait between two polls; later waits grow exponentially. Default 2 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two polls. Default 30 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait in all before giving up. Default 10 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Called with the submission the first time it is seen and each time its status changes.</summary>
    public Action<ApiSubmission>? StatusChanged { get; set; }
}
