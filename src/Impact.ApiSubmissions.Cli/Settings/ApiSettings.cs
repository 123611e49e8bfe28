using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of the commands that call impact.com: credentials, base address, demo mode.</summary>
internal class ApiSettings : CommonSettings
{
    [CommandOption("--account-sid <SID>")]
    [Description("Account SID (Settings > API in impact.com). Default: $IMPACT_ACCOUNT_SID.")]
    public string? AccountSid { get; set; }

    [CommandOption("--auth-token <TOKEN>")]
    [Description("Auth Token. Default: $IMPACT_AUTH_TOKEN; prefer the variable, since options end up in shell history. Never printed.")]
    public string? AuthToken { get; set; }

    [CommandOption("--base-url <URL>")]
    [Description("impact.com's address. Default: $IMPACT_BASE_URL, else https://api.impact.com.")]
    public string? BaseUrl { get; set; }

    [CommandOption("--timeout <DURATION>")]
    [Description("Give up on the whole command after this long (500ms, 30s, 5m), with exit code 2; wait: how long to wait, with exit code 4. Default: no limit for the command (wait: 10 min); each request to impact.com gives up after 5 min with its retries (3), each attempt after 1 min 40 s.")]
    public string? Timeout { get; set; }

    [CommandOption("--demo")]
    [Description("Run against a built-in mock of impact.com with generated submissions: no credentials, nothing leaves this machine.")]
    public bool Demo { get; set; }
}
