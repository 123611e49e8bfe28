using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>resubmit</c>: one submission by BatchId, or every submission a filter selects.</summary>
internal sealed class ResubmitSettings : FilterSettings
{
    [CommandArgument(0, "[BATCHID]")]
    [Description("The submission to send again (BatchId or QueuedUri). Leave it out and give filters (--errors-only, --error-reason, ...) to resubmit a batch; with --demo and no filter, a demo conversion that failed with CAMPAIGN_NOT_FOUND.")]
    public string? BatchId { get; set; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Set a payload key, e.g. CampaignId=1001 (the value as decoded text). Repeat for several.")]
    public string[] Set { get; set; } = System.Array.Empty<string>();

    [CommandOption("--remove <KEY>")]
    [Description("Remove a payload key. Repeat for several.")]
    public string[] Remove { get; set; } = System.Array.Empty<string>();

    [CommandOption("-y|--yes")]
    [Description("Send. Without it, resubmit is a dry run: it shows the changes and the check, and sends nothing.")]
    public bool Yes { get; set; }

    [CommandOption("--wait")]
    [Description("One submission: follow the new one until impact.com finishes it; exit code 0 complete without errors, 3 with errors, 4 timed out.")]
    public bool Wait { get; set; }

    [CommandOption("--interval <DURATION>")]
    [Description("With --wait: first wait between polls; later waits double. Default 2s (1s with --demo).")]
    public string? Interval { get; set; }

    [CommandOption("--report <PATH>")]
    [Description("A batch: write one row per submission (old BatchId, new BatchId, outcome, detail) to this file.")]
    public string? Report { get; set; }

    [CommandOption("--report-format <FORMAT>")]
    [Description("json or csv. Default: from the --report file's extension.")]
    public string? ReportFormat { get; set; }
}
