namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>
/// What to do when a deadline ended a command, said for the command that hit it: one place for every command.
/// </summary>
/// <param name="AfterTimeout">Follows "give a longer --timeout" when the command's own --timeout ran out.</param>
/// <param name="AfterRequestDeadline">Follows the SDK's message when one request's own deadline ran out.</param>
internal sealed record DeadlineAdvice(string AfterTimeout, string AfterRequestDeadline)
{
    private const string Later = " impact.com is slow or out of reach: try again later";

    /// <summary>For a command that sends one conversion (submit, resubmit BATCHID): the SDK's message already says it may have been queued.</summary>
    public static readonly DeadlineAdvice OneConversion = new(
        $"; the conversion may have been queued all the same: look for it ('{CliApp.Name} list --since 1h') before sending it again",
        string.Empty);

    /// <summary>Nothing to add for the command: give a longer --timeout, or try again later.</summary>
    public static readonly DeadlineAdvice None = Both(string.Empty);

    /// <summary>For a resubmit by filter.</summary>
    public static readonly DeadlineAdvice Batch = Both(", or select fewer submissions (--since, --max); the rows of the --report say which ones were sent");

    /// <summary>The advice for the command these settings belong to.</summary>
    public static DeadlineAdvice For(ApiSettings settings) => settings switch
    {
        ResubmitSettings => Batch,
        SubmitSettings => OneConversion,
        FilterSettings or FtpListSettings => Both(", or narrow the listing (--since, --max)"),
        FtpErrorsSettings => Both(", or read the file's failed lines in smaller pages (--page-size)"),
        WaitSettings wait => Both($", or go on waiting with '{CliApp.Name} wait {wait.BatchId}'"),
        FtpWaitSettings wait => Both($", or go on waiting with '{CliApp.Name} ftp wait {wait.BatchId}'"),
        _ => None,
    };

    private static DeadlineAdvice Both(string tail) => new(tail, Later + tail);
}
