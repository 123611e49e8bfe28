using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>ftp list</c>. The date filters are sent to impact.com, which applies them.</summary>
internal sealed class FtpListSettings : ListingSettings
{
    [CommandOption("--completed-since <DATE>")]
    [Description("Only files whose processing completed at or after (CompletedDateStart); files still processing are left out.")]
    public string? CompletedSince { get; set; }

    [CommandOption("--completed-until <DATE>")]
    [Description("Only files whose processing completed before (CompletedDateEnd); a bare date includes that whole day.")]
    public string? CompletedUntil { get; set; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default), json (an array of files in impact.com's wire shape: every value a string, an absent value \"\"), jsonl (one file per line) or csv (RFC 4180, header row). jsonl and csv are written as pages arrive: stopped by Ctrl+C or --timeout, they keep every row read.")]
    public string Format { get; set; } = "table";
}

/// <summary>Options of <c>ftp get</c>.</summary>
internal sealed class FtpGetSettings : ApiSettings
{
    [CommandArgument(0, "[BATCHID]")]
    [Description("The file's BatchId, or its Uri (/Advertisers/<sid>/FTPFileSubmissions/<BatchId>). With --demo it may be left out: a demo file with failed lines is shown.")]
    public string? BatchId { get; set; }

    [CommandOption("--lines <N>")]
    [Description("How many of the first failed lines to show, 0 for none. Default 10; 'ftp errors' shows them all.")]
    public string? Lines { get; set; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json (the file in impact.com's wire shape: every value a string, an absent value \"\").")]
    public string Format { get; set; } = "table";
}

/// <summary>Options of <c>ftp errors</c>.</summary>
internal sealed class FtpErrorsSettings : ApiSettings
{
    [CommandArgument(0, "[BATCHID]")]
    [Description("The file's BatchId, or its ErrorsUri (/Advertisers/<sid>/FTPFileSubmissions/<BatchId>/ErrorDetails). With --demo it may be left out.")]
    public string? BatchId { get; set; }

    [CommandOption("--page-size <N>")]
    [Description("Lines per request, 1 or more. Default 1000 (50 with --demo).")]
    public string? PageSize { get; set; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default: every line, then counts by ErrorReason with what each means), json (an array of lines in impact.com's wire shape: every value a string) or csv (RFC 4180, header row).")]
    public string Format { get; set; } = "table";
}

/// <summary>Options of <c>ftp wait</c>.</summary>
internal sealed class FtpWaitSettings : PollSettings
{
    [CommandArgument(0, "[BATCHID]")]
    [Description("The file's BatchId. With --demo it may be left out: a demo file goes Queued, In Progress, Complete.")]
    public string? BatchId { get; set; }
}
