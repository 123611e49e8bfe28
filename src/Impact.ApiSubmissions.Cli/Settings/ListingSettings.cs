using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>The options every listing of records has (<c>list</c>, <c>errors</c>, <c>resubmit</c>, <c>ftp list</c>): when they were submitted, errors only, how many, how many a page.</summary>
internal class ListingSettings : ApiSettings
{
    [CommandOption("--since <DATE>")]
    [Description("Only those submitted at or after: 2024-08-01, 2024-08-01T09:30:00-07:00, or an age such as 90m, 12h, 7d. A date or time without offset is local time.")]
    public string? Since { get; set; }

    [CommandOption("--until <DATE>")]
    [Description("Only those submitted before: same forms as --since; a bare date includes that whole day.")]
    public string? Until { get; set; }

    [CommandOption("--errors-only")]
    [Description("Only those with errors: a submission with an ErrorType or ErrorReason, a file with failed records (TotalErrors above 0).")]
    public bool ErrorsOnly { get; set; }

    [CommandOption("--max <N>")]
    [Description("Stop after N matching records.")]
    public string? Max { get; set; }

    [CommandOption("--page-size <N>")]
    [Description("Records per request, 1 or more (impact.com states no maximum; a size it refuses answers 400). Default 1000 (100 with --demo).")]
    public string? PageSize { get; set; }
}
