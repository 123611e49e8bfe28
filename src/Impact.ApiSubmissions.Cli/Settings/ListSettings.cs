using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>list</c>.</summary>
internal sealed class ListSettings : FilterSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default), json (an array of submissions in impact.com's wire shape: every value a string, an absent value \"\") jsonl (one submission per line) or csv (RFC 4180, header row). jsonl and csv are written as pages arrive: stopped by Ctrl+C or --timeout, they keep every row read.")]
    public string Format { get; set; } = "table";
}
