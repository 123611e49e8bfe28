using System.Net.Http;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>
/// Sits under the SDK's pipeline and sees each HTTP attempt as it starts. With --verbose it logs the start
/// (the SDK's own log line reports the end); on a terminal, an attempt still unanswered after
/// <see cref="CliEnvironment.WaitingNoticeAfter"/> gets one line saying what the tool waits for and how long it will wait.
/// </summary>
internal sealed class AttemptWatch : DelegatingHandler
{
    private readonly CliEnvironment _environment;
    private readonly ErrorReporter _reporter;
    private readonly bool _verbose;
    private readonly string _limits;

    private AttemptWatch(HttpMessageHandler inner, CliEnvironment environment, ErrorReporter reporter, bool verbose, string limits)
        : base(inner)
    {
        _environment = environment;
        _reporter = reporter;
        _verbose = verbose;
        _limits = limits;
    }

    /// <summary>The HTTP client the command's SDK client sends through: redirects not followed, as the SDK's own.</summary>
    /// <param name="environment">The terminal, clock and notice delay.</param>
    /// <param name="reporter">Where the lines go.</param>
    /// <param name="verbose">Whether each attempt's start is logged.</param>
    /// <param name="limits">How long the tool will wait, in words, e.g. "each attempt gives up after 1 min 40 s".</param>
    public static HttpClient CreateClient(CliEnvironment environment, ErrorReporter reporter, bool verbose, string limits)
    {
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        return new HttpClient(new AttemptWatch(transport, environment, reporter, verbose, limits), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var what = $"{request.Method.Method} {request.RequestUri?.PathAndQuery}";
        if (_verbose)
        {
            _reporter.Detail($"  {what} -> started ({_limits})");
        }

        using var answered = new CancellationTokenSource();
        using var notice = _environment.IsErrorTerminal ? StartNotice(what, answered.Token) : null;
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            answered.Cancel();
        }
    }

    private ITimer? StartNotice(string what, CancellationToken answered)
    {
        var after = _environment.WaitingNoticeAfter;
        var line = $"Waiting for impact.com to answer {what}: {_limits}. Ctrl+C stops.";
        if (after <= TimeSpan.Zero)
        {
            _reporter.Notice(line);
            return null;
        }

        return _environment.Clock.CreateTimer(
            _ =>
            {
                if (!answered.IsCancellationRequested)
                {
                    _reporter.Notice(line);
                }
            },
            null,
            after,
            Timeout.InfiniteTimeSpan);
    }
}
