namespace Impact.ApiSubmissions.Cli.Infrastructure;

/// <summary>
/// Everything a run of the tool reads from and writes to. <see cref="FromProcess"/> wires the real
/// console; tests build one over string writers and run commands in-process.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Human-readable output: tables, charts, help. Plain text when stdout is redirected.</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Machine-readable output (json, csv), written as is: no markup, no wrapping.</summary>
    public required TextWriter RawOut { get; init; }

    /// <summary>Error lines, warnings and --verbose details (stderr).</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Standard input, read by <c>payload decode</c> when no payload is given.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when standard input is a pipe or file rather than a terminal.</summary>
    public bool IsInputRedirected { get; init; }

    /// <summary>True when <see cref="Out"/> is a terminal that can redraw: progress bars and spinners are shown only then.</summary>
    public bool IsLiveTerminal { get; init; }

    /// <summary>True when <see cref="Error"/> is a terminal that shows colors.</summary>
    public bool ErrorHasColors { get; init; }

    /// <summary>True when <see cref="Error"/> is a terminal: a request left unanswered is announced there.</summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>How long a request may go unanswered before a terminal is told what the tool waits for. Default 2 s.</summary>
    public TimeSpan WaitingNoticeAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reads an environment variable (credentials, base address).</summary>
    public Func<string, string?> GetVariable { get; init; } = _ => null;

    /// <summary>The clock for relative dates such as <c>--since 7d</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The time zone of dates given without an offset (<c>--since 2024-08-01</c>).</summary>
    public TimeZoneInfo LocalZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>Adjusts the client's options after the command line set them (tests shorten retries with it).</summary>
    public Action<ApiSubmissionsClientOptions>? ConfigureClient { get; init; }

    /// <summary>Signalled by Ctrl+C.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The real console, environment and clock of this process.</summary>
    public static CliEnvironment FromProcess(CancellationToken cancellation)
    {
        var outputRedirected = Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = outputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = outputRedirected || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = outputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (outputRedirected)
        {
            // A file or pipe has no width: keep table rows on one line each.
            console.Profile.Width = 240;
        }

        return new CliEnvironment
        {
            Out = console,
            RawOut = Console.Out,
            Error = Console.Error,
            In = Console.In,
            IsInputRedirected = Console.IsInputRedirected,
            IsLiveTerminal = !outputRedirected && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi,
            ErrorHasColors = !Console.IsErrorRedirected && !noColor,
            IsErrorTerminal = !Console.IsErrorRedirected,
            GetVariable = Environment.GetEnvironmentVariable,
            Cancellation = cancellation,
        };
    }
}
