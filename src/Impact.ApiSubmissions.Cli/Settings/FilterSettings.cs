using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Which submissions <c>list</c>, <c>errors</c> and <c>resubmit</c> read: the listing's options, and filters on the submissions' own fields.</summary>
internal class FilterSettings : ListingSettings
{
    [CommandOption("--status <STATUS>")]
    [KnownValuesDescription(typeof(SubmissionStatus), "Only this status: {0}. Repeat or separate with commas for several; a value with a space may also be written with a hyphen (in-progress).")]
    public string[] Status { get; set; } = System.Array.Empty<string>();

    [CommandOption("--type <TYPE>")]
    [KnownValuesDescription(typeof(SubmissionType), "Only this type: {0}. Repeat or separate with commas for several.")]
    public string[] Type { get; set; } = System.Array.Empty<string>();

    [CommandOption("--error-reason <CODE>")]
    [Description("Only submissions carrying this reason code, e.g. CONTRACT_NOT_FOUND. Repeat or separate with commas for any of several.")]
    public string[] ErrorReason { get; set; } = System.Array.Empty<string>();

    [CommandOption("--campaign <ID>")]
    [Description("Only this program (CampaignId). Repeat or separate with commas for several.")]
    public string[] Campaign { get; set; } = System.Array.Empty<string>();
}
