using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Cli;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Testing;
using Spectre.Console;

namespace Impact.ApiSubmissions.Tests.Cli;

/// <summary>What one in-process run of the tool printed, and its exit code.</summary>
internal sealed record CliResult(int ExitCode, string Output, string RawOutput, string Error)
{
    /// <summary>The stderr lines, without the empty last one.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>Everything the run printed, both streams.</summary>
    public string Everything => Output + RawOutput + Error;

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Output}{RawOutput}\n--- err\n{Error}";
}

/// <summary>
/// Runs <c>impact-submissions</c> in-process through <see cref="CliApp.RunAsync"/>: plain-text consoles over string
/// writers (no colors, not a terminal, by default 240 columns as when redirected), environment variables from a dictionary, local time UTC.
/// </summary>
internal sealed class CliHarness
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string? StandardInput { get; set; }

    public bool LiveTerminal { get; set; }

    public int MaxRetries { get; set; }

    public int Width { get; set; } = 240;

    public CancellationToken Cancellation { get; set; }

    /// <summary>Where the raw output goes, when a test watches it as it is written; a new buffer otherwise.</summary>
    public StringWriter? RawOutput { get; set; }

    /// <summary>Credentials and base address of <paramref name="server"/> in the environment, as a user would set them.</summary>
    public static CliHarness For(ImpactMockServer server)
    {
        var harness = new CliHarness();
        harness.Variables["IMPACT_ACCOUNT_SID"] = server.AccountSid;
        harness.Variables["IMPACT_AUTH_TOKEN"] = server.AuthToken;
        harness.Variables["IMPACT_BASE_URL"] = server.BaseUrl;
        return harness;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var raw = RawOutput ?? new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = LiveTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = LiveTerminal ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = LiveTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = Width;

        var environment = new CliEnvironment
        {
            Out = console,
            RawOut = raw,
            Error = error,
            In = new StringReader(StandardInput ?? string.Empty),
            IsInputRedirected = StandardInput is not null,
            IsLiveTerminal = LiveTerminal,
            GetVariable = name => Variables.TryGetValue(name, out var value) ? value : null,
            LocalZone = TimeZoneInfo.Utc,
            Cancellation = Cancellation,
            ConfigureClient = options =>
            {
                options.Retry.MaxRetries = MaxRetries;
                options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            },
        };

        var code = await CliApp.RunAsync(args, environment);
        return new CliResult(code, output.ToString(), raw.ToString(), error.ToString());
    }
}
