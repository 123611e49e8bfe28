using System.Net.Http;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>A client for the command to use: on impact.com with the user's credentials, or on the demo server.</summary>
/// <remarks>Made by <see cref="Open"/>; disposing it disposes the client, its HttpClient, the demo server and the deadline.</remarks>
internal sealed class ImpactConnection(ApiSubmissionsClient client, HttpClient http, DemoServer? demo, CancellationTokenSource? deadline, CancellationToken cancellation) : IDisposable
{
    public const string AccountSidVariable = "IMPACT_ACCOUNT_SID";
    public const string AuthTokenVariable = "IMPACT_AUTH_TOKEN";
    public const string BaseUrlVariable = "IMPACT_BASE_URL";

    public ApiSubmissionsClient Client { get; } = client;

    /// <summary>Signalled by Ctrl+C, or when <c>--timeout</c> runs out for the whole command.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The demo server, when <c>--demo</c> was given.</summary>
    public DemoServer? Demo { get; } = demo;

    public bool IsDemo => Demo is not null;

    /// <summary>Reads credentials and base address from options, then the environment; nothing is sent yet.</summary>
    /// <exception cref="UsageException">Credentials are missing, or the base address is not a usable URL.</exception>
    /// <param name="settings">The command line.</param>
    /// <param name="environment">Variables, clock and Ctrl+C.</param>
    /// <param name="reporter">Where --verbose attempt lines, the waiting notice and the deadline's advice go.</param>
    /// <param name="wholeCommandDeadline">
    /// Whether <c>--timeout</c> bounds the whole command (<see cref="Cancellation"/>); <c>wait</c> and <c>ftp wait</c> pass false
    /// because their timeout is the wait's own. Either way each request keeps the SDK's own deadlines, so when --timeout runs
    /// out, it is the one that ended the command, whatever a request was doing.
    /// </param>
    /// <param name="advice">What to advise when a deadline ends the command; null for <see cref="DeadlineAdvice.For"/>.</param>
    public static ImpactConnection Open(ApiSettings settings, CliEnvironment environment, ErrorReporter reporter, bool wholeCommandDeadline = true, DeadlineAdvice? advice = null)
    {
        var options = new ApiSubmissionsClientOptions { UserAgentSuffix = "impact-submissions-cli" };
        if (settings.Verbose)
        {
            options.RequestLogged = entry => reporter.Detail("  " + entry);
        }

        var timeout = wholeCommandDeadline
            ? (settings.Timeout is null ? (TimeSpan?)null : DurationArgument.Parse("--timeout", settings.Timeout, TimeSpan.Zero))
            : null;
        var waitLimit = wholeCommandDeadline ? (TimeSpan?)null : DurationArgument.Parse("--timeout", settings.Timeout, WaitTiming.DefaultTimeout);
        if (settings.Demo && Value(settings.BaseUrl) is not null)
        {
            throw new UsageException("--demo runs against the built-in mock and cannot be combined with --base-url: drop one of them (for a mock at an address of your own, start it with 'impact-submissions mock' and pass its --base-url).");
        }

        DemoServer? demo = null;
        HttpClient? http = null;
        CancellationTokenSource? deadline = null;
        try
        {
            ImpactCredentials credentials;
            if (settings.Demo)
            {
                demo = DemoServer.Start(environment.Clock);
                options.BaseAddress = new Uri(demo.Server.BaseUrl);
                credentials = new ImpactCredentials(demo.Server.AccountSid, demo.Server.AuthToken);
            }
            else
            {
                credentials = ForService(settings, environment, options);
            }

            environment.ConfigureClient?.Invoke(options);
            http = AttemptWatch.CreateClient(environment, reporter, settings.Verbose, Limits(options.Retry, timeout, settings.Timeout, waitLimit));
            var client = new ApiSubmissionsClient(http, credentials, options);

            var cancellation = environment.Cancellation;
            if (timeout is { } whole)
            {
                deadline = CancellationTokenSource.CreateLinkedTokenSource(environment.Cancellation);
                reporter.CommandDeadline(deadline.Token, settings.Timeout!);
                deadline.CancelAfter(whole);
                cancellation = deadline.Token;
            }

            reporter.Advice = advice ?? DeadlineAdvice.For(settings);
            return new ImpactConnection(client, http, demo, deadline, cancellation);
        }
        catch
        {
            deadline?.Dispose();
            http?.Dispose();
            demo?.Dispose();
            throw;
        }
    }

    /// <summary>How long the tool waits, in words: each attempt, each request with its retries, and the command or the wait.</summary>
    internal static string Limits(ApiSubmissionsRetryOptions retry, TimeSpan? command, string? commandText, TimeSpan? wait)
    {
        var parts = new List<string>();
        if (retry.AttemptTimeout is { } attempt)
        {
            parts.Add($"each attempt gives up after {Display.Duration(attempt)}");
        }

        if (retry.OverallTimeout is { } overall)
        {
            parts.Add($"a request after {Display.Duration(overall)} with its retries");
        }

        if (command is not null)
        {
            parts.Add($"the command after --timeout {commandText}");
        }

        if (wait is { } limit)
        {
            parts.Add($"the wait after {Display.Duration(limit)}");
        }

        return parts.Count == 0 ? "no time limit" : string.Join(", ", parts);
    }

    private static ImpactCredentials ForService(ApiSettings settings, CliEnvironment environment, ApiSubmissionsClientOptions options)
    {
        var accountSid = Value(settings.AccountSid) ?? Value(environment.GetVariable(AccountSidVariable));
        var authToken = Value(settings.AuthToken) ?? Value(environment.GetVariable(AuthTokenVariable));
        if (accountSid is null && authToken is null)
        {
            throw new UsageException(
                $"No credentials: set {AccountSidVariable} and {AuthTokenVariable} (or pass --account-sid and --auth-token), or add --demo to try the built-in mock of impact.com.");
        }

        if (accountSid is null)
        {
            throw new UsageException($"No Account SID: set {AccountSidVariable} or pass --account-sid (Settings > API in impact.com).");
        }

        if (authToken is null)
        {
            throw new UsageException($"No Auth Token: set {AuthTokenVariable} or pass --auth-token (Settings > API in impact.com).");
        }

        var baseUrl = Value(settings.BaseUrl) ?? Value(environment.GetVariable(BaseUrlVariable));
        if (baseUrl is not null)
        {
            options.BaseAddress = BaseAddress(baseUrl);
        }

        return new ImpactCredentials(accountSid, authToken);
    }

    /// <summary>An http(s) address with a host and, when a colon says one follows, a port: 'http://127.0.0.1:' is not port 80.</summary>
    internal static Uri BaseAddress(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp) || address.Host.Length == 0)
        {
            throw new UsageException($"The base URL '{baseUrl}' is not an http(s) address, e.g. https://api.impact.com.");
        }

        // Uri reads an empty port as the scheme's default; the user meant a port and left it out.
        var authority = baseUrl.Substring(baseUrl.IndexOf("//", StringComparison.Ordinal) + 2);
        var end = authority.IndexOfAny(new[] { '/', '?', '#' });
        authority = end < 0 ? authority : authority.Substring(0, end);
        if (authority.EndsWith(':'))
        {
            throw new UsageException($"The base URL '{baseUrl}' has no port after the colon: give one (e.g. http://127.0.0.1:8080) or drop the colon.");
        }

        return address;
    }

    public void Dispose()
    {
        Client.Dispose();
        http.Dispose();
        Demo?.Dispose();
        deadline?.Dispose();
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
