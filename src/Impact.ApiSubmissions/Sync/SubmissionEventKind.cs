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
}
