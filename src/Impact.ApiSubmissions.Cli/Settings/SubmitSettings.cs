using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>submit</c>.</summary>
internal sealed class SubmitSettings : ApiSettings
{
    [CommandArgument(0, "[PAYLOAD]")]
    [Description("The conversion, form-encoded (CampaignId=1000&EventTypeId=4000&...), in quotes. Left out, it is read from --file, or from standard input when something is piped in; with --demo, a sample conversion.")]
    public string? Payload { get; set; }

    [CommandOption("--file <PATH>")]
    [Description("Read the payload from this file instead; --file=- reads standard input.")]
    public string? File { get; set; }

    [CommandOption("--wait")]
    [Description("Follow the new submission until impact.com finishes it: exit code 0 complete without errors, 3 with errors, 4 timed out (--timeout, default 10m).")]
    public bool Wait { get; set; }

    [CommandOption("--interval <DURATION>")]
    [Description("With --wait: first wait between polls; later waits double. Default 2s (1s with --demo).")]
    public string? Interval { get; set; }
}
