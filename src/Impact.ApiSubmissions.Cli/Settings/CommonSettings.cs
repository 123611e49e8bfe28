using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options every command has.</summary>
internal class CommonSettings : CommandSettings
{
    [CommandOption("-v|--verbose")]
    [Description("Show each HTTP request when it starts and when it ends, and the full details of an error.")]
    public bool Verbose { get; set; }
}
