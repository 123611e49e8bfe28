using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>payload decode</c>.</summary>
internal sealed class PayloadDecodeSettings : CommonSettings
{
    [CommandArgument(0, "[PAYLOAD]")]
    [Description("The form-urlencoded payload, in quotes (it holds &). Without it the payload is read from standard input.")]
    public string? Payload { get; set; }

    [CommandOption("--type <TYPE>")]
    [Description("Check it as a Conversion (default: OrderId and EventDate required), Modification or Reversal.")]
    public string? Type { get; set; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json (fields, items and problems).")]
    public string Format { get; set; } = "table";
}
