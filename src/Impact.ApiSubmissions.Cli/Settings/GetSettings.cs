using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>get</c>.</summary>
internal sealed class GetSettings : ApiSettings
{
    [CommandArgument(0, "[BATCHID]")]
    [Description("The BatchId, or the QueuedUri the conversion POST returned (/Advertisers/<sid>/APISubmissions/<BatchId>). With --demo it may be left out: a failed demo submission is shown.")]
    public string? BatchId { get; set; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json (impact.com's wire shape: every value a string, an absent value \"\").")]
    public string Format { get; set; } = "table";
}
