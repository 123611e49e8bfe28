using System;
using System.Globalization;

namespace Impact.ApiSubmissions;

/// <summary>A submission was still being processed when <see cref="ApiSubmissionsClient.WaitForCompletionAsync"/> (or <see cref="ApiSubmissionsClient.WaitForFtpCompletionAsync"/>) gave up.</summary>
public class ImpactWaitTimeoutException : ImpactTimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="batchId">The BatchId waited for.</param>
    /// <param name="lastSeen">The submission as last read, or null if no poll answered.</param>
    /// <param name="polls">How many polls answered.</param>
    /// <param name="timeout">How long the wait lasted.</param>
    /// <param name="innerException">The timeout's cause.</param>
    public ImpactWaitTimeoutException(string batchId, ApiSubmission? lastSeen, int polls, TimeSpan timeout, Exception? innerException)
        : this("Submission", batchId, lastSeen?.Status, polls, timeout, innerException)
    {
        LastSeen = lastSeen;
    }

    internal ImpactWaitTimeoutException(string batchId, FtpFileSubmission? lastSeenFile, int polls, TimeSpan timeout, Exception? innerException)
        : this("FTP file submission", batchId, lastSeenFile?.Status, polls, timeout, innerException)
    {
        LastSeenFtpFile = lastSeenFile;
    }

    private ImpactWaitTimeoutException(string what, string batchId, SubmissionStatus? lastStatus, int polls, TimeSpan timeout, Exception? innerException)
        : base(
            $"{what} '{batchId}' was still {(lastStatus?.ToString() is { Length: > 0 } status ? $"'{status}'" : "not seen")} after "
            + $"{timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s ({polls.ToString(CultureInfo.InvariantCulture)} poll{(polls == 1 ? string.Empty : "s")}). "
            + "impact.com may need longer: wait again with a longer Timeout.",
            polls,
            timeout,
            innerException)
    {
        BatchId = batchId;
        LastStatus = lastStatus;
        Polls = polls;
    }

    /// <summary>The BatchId waited for.</summary>
    public string BatchId { get; }

    /// <summary>The submission as last read, or null if no poll answered (or the wait was for an FTP file submission).</summary>
    public ApiSubmission? LastSeen { get; }

    /// <summary>The FTP file submission as last read, when the wait was <see cref="ApiSubmissionsClient.WaitForFtpCompletionAsync"/>; otherwise null.</summary>
    public FtpFileSubmission? LastSeenFtpFile { get; }

    /// <summary>The last status seen, or null.</summary>
    public SubmissionStatus? LastStatus { get; }

    /// <summary>How many polls answered.</summary>
    public int Polls { get; }
}
