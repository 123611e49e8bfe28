using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>errors</c>.</summary>
internal sealed class ErrorsSettings : FilterSettings
{
    [CommandOption("--top <N>")]
    [Description("How many programs and partners to show in the most-failures tables. Default 5.")]
    public string? Top { get; set; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default: bar charts and tables) or json (the same counts as one object).")]
    public string Format { get; set; } = "table";
}
