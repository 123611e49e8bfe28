namespace Impact.ApiSubmissions.Cli.Output;

/// <summary>How values look in tables: dates with their offset, colored statuses, error summaries.</summary>
internal static class Display
{
    public const string None = "-";

    public static string Date(DateTimeOffset? value) =>
        value is { } date ? date.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : None;

    public static string Number(long? value) => value is { } n ? n.ToString(CultureInfo.InvariantCulture) : None;

    public static string Text(string? value) => string.IsNullOrEmpty(value) ? None : value;

    /// <summary>A number with thousands separators, e.g. <c>2,000</c>.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>How many of something, e.g. <c>1 page</c>, <c>3 submissions</c>.</summary>
    public static string Count(long n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    public static string Duration(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Duration(value.Negate());
        }

        if (value.TotalSeconds < 1)
        {
            return value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
        }

        if (value.TotalMinutes < 1)
        {
            return value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";
        }

        if (value.TotalHours < 1)
        {
            return value.Seconds == 0 ? $"{(int)value.TotalMinutes} min" : $"{(int)value.TotalMinutes} min {value.Seconds} s";
        }

        return value.TotalDays < 1 ? $"{(int)value.TotalHours} h {value.Minutes} min" : $"{(int)value.TotalDays} d {value.Hours} h";
    }

    /// <summary>The status in color: grey Queued, yellow In Progress, green Complete, red Complete with errors, magenta anything new.</summary>
    public static string StatusMarkup(ApiSubmission submission) => StatusMarkup(submission.Status, submission.HasErrors);

    /// <summary>The same colors for any record with a status, an FTP file included.</summary>
    public static string StatusMarkup(SubmissionStatus? value, bool hasErrors)
    {
        if (value is not { } status)
        {
            return "[grey]" + None + "[/]";
        }

        var color = status == SubmissionStatus.Queued ? "grey"
            : status == SubmissionStatus.InProgress ? "yellow"
            : status == SubmissionStatus.Complete ? (hasErrors ? "red" : "green")
            : "magenta";
        return $"[{color}]{Markup.Escape(status.ToString())}[/]";
    }

    /// <summary>What happened, in words: the question the tool exists to answer.</summary>
    public static string OutcomeMarkup(ApiSubmission submission)
    {
        if (submission.IsPending)
        {
            return $"[yellow]Still being processed ({Markup.Escape(submission.Status.ToString() ?? string.Empty)}).[/]";
        }

        if (submission.IsComplete)
        {
            return submission.HasErrors
                ? $"[red]Processed with errors: {Markup.Escape(ErrorSummary(submission))}.[/]"
                : "[green]Processed without errors.[/]";
        }

        return $"[magenta]Status '{Markup.Escape(submission.Status?.ToString() ?? None)}' is not one this tool knows.[/]";
    }

    /// <summary>E.g. <c>Contract Error: CONTRACT_NOT_FOUND, RESTRICTED_PROMOCODE</c>; empty without errors.</summary>
    public static string ErrorSummary(ApiSubmission submission)
    {
        if (!submission.HasErrors)
        {
            return string.Empty;
        }

        var reasons = string.Join(", ", submission.ErrorReasons.Select(r => r.Code));
        var type = submission.ErrorType?.ToString();
        return string.IsNullOrEmpty(type) ? reasons : reasons.Length == 0 ? type : $"{type}: {reasons}";
    }
}
