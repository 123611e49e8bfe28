using System.ComponentModel;

namespace Impact.ApiSubmissions.Cli.Settings;

/// <summary>Options of <c>mock</c>.</summary>
internal sealed class MockSettings : CommonSettings
{
    [CommandOption("--port <PORT>")]
    [Description("TCP port to listen on. Default 0: a free port, printed at start.")]
    public string? Port { get; set; }

    [CommandOption("--host <ADDRESS>")]
    [Description("Address to listen on. Default 127.0.0.1 (this machine only); 0.0.0.0 exposes it to the network.")]
    public string? Host { get; set; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the generated data set: the same seed and count give the same submissions. Default 1.")]
    public string? Seed { get; set; }

    [CommandOption("--count <N>")]
    [Description("How many submissions to generate, 0 to 1000000. Default 300.")]
    public string? Count { get; set; }

    [CommandOption("--account-sid <SID>")]
    [Description("The Account SID the mock accepts (Basic user name and path). Default: the Testing package's.")]
    public string? AccountSid { get; set; }

    [CommandOption("--auth-token <TOKEN>")]
    [Description("The Auth Token the mock accepts. Default: the Testing package's.")]
    public string? AuthToken { get; set; }

    [CommandOption("--rate-limit <N>")]
    [Description("Allow N requests per --rate-limit-window, then answer 429. Default: no limit.")]
    public string? RateLimit { get; set; }

    [CommandOption("--rate-limit-window <DURATION>")]
    [Description("The rate-limit window (30s, 1h). Default 1h, as impact.com.")]
    public string? RateLimitWindow { get; set; }

    [CommandOption("--no-retry-after")]
    [Description("A 429 carries X-RateLimit-Reset but no Retry-After.")]
    public bool NoRetryAfter { get; set; }

    [CommandOption("--latency <DURATION>")]
    [Description("Delay every answer by this long (200ms, 2s).")]
    public string? Latency { get; set; }

    [CommandOption("--failure-rate <RATE>")]
    [Description("Answer this share of requests (0 to 1, e.g. 0.1) with 503, at random.")]
    public string? FailureRate { get; set; }

    [CommandOption("--progressing <N>")]
    [Description("Add N submissions that go Queued, In Progress, Complete as they are read (each get of one, and each list page that shows it, moves it on); their BatchIds are printed.")]
    public string? Progressing { get; set; }

    [CommandOption("--mappings <DIR>")]
    [Description("Serve the WireMock mapping files in DIR (e.g. tests/contracts/mappings) instead of the generated data set.")]
    public string? Mappings { get; set; }

    [CommandOption("--live <RATE>")]
    [Description("A live account: add N submissions a minute (e.g. 30/min), processed at once, one in four failing and some fixed later.")]
    public string? Live { get; set; }
}
