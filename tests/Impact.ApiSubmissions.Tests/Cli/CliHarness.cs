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

    /// <summary>Stderr is a terminal: the waiting notice is shown there.</summary>
    public bool ErrorTerminal { get; set; }

    /// <summary>How long a request may go unanswered before the notice; zero shows it as each attempt starts.</summary>
    public TimeSpan WaitingNoticeAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The tool's clock (relative dates, the waiting notice); null for the system's.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>The SDK's per-attempt timeout; null keeps the SDK's default.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    public int Width { get; set; } = 240;

    public CancellationToken Cancellation { get; set; }

    /// <summary>Presses Ctrl+C once the command has written this many lines to stdout's raw stream (json, csv).</summary>
    public int? CtrlCAfterRawLines { get; set; }

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
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var raw = RawOutput ?? new LineCountingWriter(CtrlCAfterRawLines, ctrlC);
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
            IsErrorTerminal = ErrorTerminal,
            WaitingNoticeAfter = WaitingNoticeAfter,
            Clock = Clock ?? TimeProvider.System,
            GetVariable = name => Variables.TryGetValue(name, out var value) ? value : null,
            LocalZone = TimeZoneInfo.Utc,
            Cancellation = ctrlC.Token,
            ConfigureClient = options =>
            {
                options.Retry.MaxRetries = MaxRetries;
                options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
                if (AttemptTimeout is { } attempt)
                {
                    options.Retry.AttemptTimeout = attempt;
                }
            },
        };

        var code = await CliApp.RunAsync(args, environment);
        return new CliResult(code, output.ToString(), raw.ToString(), error.ToString());
    }

    // A stdout that presses Ctrl+C after so many lines: the point of an interruption is then known, not timed.
    private sealed class LineCountingWriter : StringWriter
    {
        private readonly int? _limit;
        private readonly CancellationTokenSource _ctrlC;
        private int _lines;

        public LineCountingWriter(int? limit, CancellationTokenSource ctrlC)
        {
            _limit = limit;
            _ctrlC = ctrlC;
        }

        public override void Write(char value)
        {
            base.Write(value);
            Count(value == '\n' ? 1 : 0);
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Count(value?.Count(c => c == '\n') ?? 0);
        }

        private void Count(int lines)
        {
            _lines += lines;
            if (_limit is { } limit && _lines >= limit)
            {
                _ctrlC.Cancel();
            }
        }
    }
}
