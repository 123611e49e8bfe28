using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>wait</c>.</summary>
internal sealed class WaitSettings : PollSettings
{
    [CommandArgument(0, "[BATCHID]")]
    [Description("The BatchId, or the QueuedUri the conversion POST returned. With --demo it may be left out: a demo submission goes Queued, In Progress, Complete.")]
    public string? BatchId { get; set; }
}

/// <summary>The poll options of <c>wait</c> and <c>ftp wait</c>.</summary>
internal abstract class PollSettings : ApiSettings
{
    [CommandOption("--interval <DURATION>")]
    [Description("First wait between polls (500ms, 2s, 1m); later waits double. Default 2s (1s with --demo).")]
    public string? Interval { get; set; }

    [CommandOption("--max-interval <DURATION>")]
    [Description("Longest wait between polls. Default 30s (2s with --demo).")]
    public string? MaxInterval { get; set; }
}
