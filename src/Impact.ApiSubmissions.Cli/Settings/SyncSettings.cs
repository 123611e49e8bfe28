using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>sync</c> (and of <c>watch</c>, which repeats it).</summary>
internal class SyncSettings : ApiSettings
{
    [CommandOption("--db <DATABASE>")]
    [Description("Where to keep the submissions: a SQLite file path (created if missing), or a PostgreSQL connection string (Host=...;Database=...;Username=...) or postgres:// URI. With --demo, default: a temporary SQLite file.")]
    public string? Database { get; set; }

    [CommandOption("--page-size <N>")]
    [Description("Submissions per page, 1 to 20000. Default 1000.")]
    public string? PageSize { get; set; }

    [CommandOption("--budget <N>")]
    [Description("Requests an hour the sync may send, 1 to 100000. Default 500: half of impact.com's 1,000, so your own conversions keep the rest.")]
    public string? Budget { get; set; }
}

/// <summary>Options of <c>watch</c>.</summary>
internal sealed class WatchSettings : SyncSettings
{
    [CommandOption("--interval <DURATION>")]
    [Description("Rest between two passes (30s, 5m, 1h). Default 5m; with --demo 10s.")]
    public string? Interval { get; set; }

    [CommandOption("--format <FORMAT>")]
    [Description("table (a line per event) or jsonl (one JSON object a line). Default table.")]
    public string? Format { get; set; }

    [CommandOption("--exec <COMMAND>")]
    [Description("Run this shell command for each event, with the event as JSON on its standard input. Runs beside the watch, never holding it up.")]
    public string? Exec { get; set; }

    [CommandOption("--webhook <URL>")]
    [Description("POST each event as JSON to this http(s) URL; retried 3 times on failure, beside the watch, never holding it up. Events not yet handed to --exec/--webhook are kept in a file (SQLite: <db>.<AccountSid>.hooks.jsonl; PostgreSQL: $XDG_STATE_HOME or ~/.local/state, under impact-submissions/) and go out when a watch that was killed starts again.")]
    public string? Webhook { get; set; }

    [CommandOption("--all-events")]
    [Description("Report completions too, not only failures and fixes.")]
    public bool AllEvents { get; set; }

    [CommandOption("--live <RATE>")]
    [Description("With --demo: the mock adds N submissions a minute, one in four failing. Default with --demo: 12/min.")]
    public string? Live { get; set; }
}

/// <summary>Options of <c>history</c>.</summary>
internal sealed class HistorySettings : CommonSettings
{
    [CommandOption("--db <DATABASE>")]
    [Description("The database a sync wrote: a SQLite file path, or a PostgreSQL connection string or postgres:// URI.")]
    public string? Database { get; set; }

    [CommandOption("--account-sid <SID>")]
    [Description("Only this account's submissions. Default: every account in the database.")]
    public string? AccountSid { get; set; }

    [CommandOption("--format <FORMAT>")]
    [Description("table (bar charts) or csv (dimension,key,failures,submissions). Default table.")]
    public string? Format { get; set; }

    [CommandOption("--days <N>")]
    [Description("How many of the latest days the by-day chart shows (csv has them all). Default 30.")]
    public string? Days { get; set; }

    [CommandOption("--demo")]
    [Description("Sync the built-in mock of impact.com into a temporary database first, then show its history.")]
    public bool Demo { get; set; }
}
