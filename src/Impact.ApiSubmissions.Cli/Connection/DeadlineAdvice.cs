using Impact.ApiSubmissions.Cli.Settings;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>What to do when a deadline ended a command, said for the command that hit it: one place for every command.</summary>
internal static class DeadlineAdvice
{
    /// <summary>For a command that sends one conversion (submit, resubmit BATCHID).</summary>
    public static readonly string OneConversion =
        $"; the conversion may have been queued all the same: look for it ('{CliApp.Name} list --since 1h') before sending it again";

    /// <summary>For a resubmit by filter.</summary>
    public const string Batch = ", or select fewer submissions (--since, --max); the rows of the --report say which ones were sent";

    /// <summary>The advice's tail after "give a longer --timeout" or "try again later"; empty when there is nothing more to say.</summary>
    public static string For(ApiSettings settings) => settings switch
    {
        ResubmitSettings => Batch,
        SubmitSettings => OneConversion,
        FilterSettings or FtpListSettings => ", or narrow the listing (--since, --max)",
        FtpErrorsSettings => ", or read the file's failed lines in smaller pages (--page-size)",
        WaitSettings wait => $", or go on waiting with '{CliApp.Name} wait {wait.BatchId}'",
        FtpWaitSettings wait => $", or go on waiting with '{CliApp.Name} ftp wait {wait.BatchId}'",
        _ => string.Empty,
    };
}
