namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>What the tool's exit code means; the same list is in --help and the README.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>A mistake on the command line: unknown option, bad value, missing credentials.</summary>
    public const int UsageError = 1;

    /// <summary>impact.com refused or failed (4xx, 5xx, unreadable answer, no answer in time), or the connection failed.</summary>
    public const int ServiceError = 2;

    /// <summary><c>wait</c>: the submission completed, with errors (ErrorType or ErrorReason set); <c>payload decode</c>: the payload has problems.</summary>
    public const int CompletedWithErrors = 3;

    /// <summary><c>wait</c>: the submission was still being processed when --timeout ran out.</summary>
    public const int WaitTimedOut = 4;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
