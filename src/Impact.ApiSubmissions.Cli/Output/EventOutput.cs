using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>A sync event as one JSON object (for <c>--format jsonl</c>, <c>--exec</c> and <c>--webhook</c>) or as one table line.</summary>
internal static class EventOutput
{
    /// <summary>
    /// The event on one line: <c>event</c> (failed, fixed, completed, ftp-file-failed), <c>key</c> (the same change always
    /// has the same key: drop a repeat by it), the account, the submission's ids, program, partner and errors, and the whole
    /// submission in impact.com's wire shape; for an FTP file, its name, counts and errors URI, and the whole file.
    /// </summary>
    public static string Json(SubmissionEvent e)
    {
        var json = new JObject
        {
            ["event"] = e.FtpFile is null ? e.Kind.ToString().ToLowerInvariant() : "ftp-file-failed",
            ["key"] = e.Key,
            ["accountSid"] = e.AccountSid,
            ["detectedAt"] = e.DetectedAt.ToString("o", CultureInfo.InvariantCulture),
            ["batchId"] = e.BatchId,
        };
        if (e.FtpFile is { } file)
        {
            json["fileName"] = file.FileName;
            json["totalRecords"] = file.TotalRecords;
            json["totalErrors"] = file.TotalErrors;
            json["errorsUri"] = file.ErrorsUri;
            json["ftpFile"] = JObject.Parse(WireJson.Format(file));
            return json.ToString(Formatting.None);
        }

        var s = e.Submission;
        json["orderId"] = e.OrderId;
        json["campaignId"] = s.CampaignId;
        json["mediaPartnerId"] = s.MediaPartnerId;
        json["errorType"] = s.ErrorType?.ToString();
        json["errorReasons"] = new JArray(e.ErrorReasons.Select(r => r.ToString()));
        json["fixedByBatchId"] = e.FixedByBatchId;
        json["submission"] = JObject.Parse(WireJson.Format(s));
        return json.ToString(Formatting.None);
    }

    /// <summary>One line for a terminal, with markup: when, what, which submission, and why.</summary>
    public static string Line(SubmissionEvent e)
    {
        var s = e.Submission;
        var when = e.DetectedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (e.FtpFile is { } file)
        {
            var counts = $"{N(file.TotalErrors)} of {N(file.TotalRecords)} records failed";
            return $"{when}  [red]FTP FILE [/]  {Spectre.Console.Markup.Escape(e.BatchId)}  {Spectre.Console.Markup.Escape(counts)}"
                + Spectre.Console.Markup.Escape((file.FileName is { } name ? "  " + name : string.Empty) + $"  (ftp errors {e.BatchId} lists them)");
        }

        var what = e.Kind switch
        {
            SubmissionEventKind.Failed => "[red]FAILED   [/]",
            SubmissionEventKind.Fixed => "[green]FIXED    [/]",
            SubmissionEventKind.Completed => "[grey]COMPLETED[/]",
            _ => "[grey]" + Spectre.Console.Markup.Escape(e.Kind.ToString().ToUpperInvariant()) + "[/]",
        };
        var detail = e.Kind switch
        {
            SubmissionEventKind.Failed => $"{s.ErrorType?.ToString() ?? "error"}: {string.Join(" ", e.ErrorReasons.Select(r => r.Code))}",
            SubmissionEventKind.Fixed => $"by {e.FixedByBatchId}",
            _ => string.Empty,
        };
        var order = e.OrderId;
        return $"{when}  {what}  {Spectre.Console.Markup.Escape(e.BatchId)}  {Spectre.Console.Markup.Escape(detail)}"
            + Spectre.Console.Markup.Escape(
                (order is null ? string.Empty : "  OrderId " + order)
                + (s.CampaignId is { } c ? "  program " + c.ToString(CultureInfo.InvariantCulture) : string.Empty)
                + (s.MediaPartnerId is { } p ? "  partner " + p.ToString(CultureInfo.InvariantCulture) : string.Empty));
    }

    private static string N(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "?";
}
