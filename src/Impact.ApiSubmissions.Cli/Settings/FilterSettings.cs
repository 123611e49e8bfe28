using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Which submissions <c>list</c> and <c>errors</c> read, and how.</summary>
internal class FilterSettings : ApiSettings
{
    [CommandOption("--status <STATUS>")]
    [KnownValuesDescription(typeof(SubmissionStatus), "Only this status: {0}. Repeat or separate with commas for several; a value with a space may also be written with a hyphen (in-progress).")]
    public string[] Status { get; set; } = System.Array.Empty<string>();

    [CommandOption("--type <TYPE>")]
    [KnownValuesDescription(typeof(SubmissionType), "Only this type: {0}. Repeat or separate with commas for several.")]
    public string[] Type { get; set; } = System.Array.Empty<string>();

    [CommandOption("--errors-only")]
    [Description("Only submissions with an ErrorType or ErrorReason.")]
    public bool ErrorsOnly { get; set; }

    [CommandOption("--error-reason <CODE>")]
    [Description("Only submissions carrying this reason code, e.g. CONTRACT_NOT_FOUND. Repeat or separate with commas for any of several.")]
    public string[] ErrorReason { get; set; } = System.Array.Empty<string>();

    [CommandOption("--campaign <ID>")]
    [Description("Only this program (CampaignId). Repeat or separate with commas for several.")]
    public string[] Campaign { get; set; } = System.Array.Empty<string>();

    [CommandOption("--since <DATE>")]
    [Description("Only submitted at or after: 2024-08-01, 2024-08-01T09:30:00-07:00, or an age such as 90m, 12h, 7d. A date or time without offset is local time.")]
    public string? Since { get; set; }

    [CommandOption("--until <DATE>")]
    [Description("Only submitted before: same forms as --since; a bare date includes that whole day.")]
    public string? Until { get; set; }

    [CommandOption("--max <N>")]
    [Description("Stop after N matching submissions.")]
    public string? Max { get; set; }

    [CommandOption("--page-size <N>")]
    [Description("Submissions per request, 1 or more (impact.com states no maximum; a size it refuses answers 400). Default 1000 (100 with --demo).")]
    public string? PageSize { get; set; }
}
