namespace Impact.ApiSubmissions;

/// <summary>What a <see cref="SubmissionEvent"/> reports.</summary>
public enum SubmissionEventKind
{
    /// <summary>A submission completed with errors (its ErrorType and reasons say why).</summary>
    Failed,

    /// <summary>A submission the store held as Queued or In Progress completed without errors.</summary>
    Completed,

    /// <summary>A failed submission was fixed: a later submission of the same OrderId completed without errors.</summary>
    Fixed,

    /// <summary>
    /// An FTP file submission completed with failed records (<see cref="FtpFileSubmission.TotalErrors"/> above 0):
    /// <see cref="SubmissionEvent.FtpFile"/> holds it; read its failed lines with <see cref="ApiSubmissionsClient.GetFtpErrorDetailsAsync"/>.
    /// </summary>
    FtpFileFailed,
}
