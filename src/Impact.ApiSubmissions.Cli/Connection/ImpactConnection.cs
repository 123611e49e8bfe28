using System;
using System.Threading;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Cli.Settings;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>A client for the command to use: on impact.com with the user's credentials, or on the demo server.</summary>
internal sealed class ImpactConnection : IDisposable
{
    public const string AccountSidVariable = "IMPACT_ACCOUNT_SID";
    public const string AuthTokenVariable = "IMPACT_AUTH_TOKEN";
    public const string BaseUrlVariable = "IMPACT_BASE_URL";

    private readonly CancellationTokenSource? _deadline;

    private ImpactConnection(ApiSubmissionsClient client, DemoServer? demo, CancellationTokenSource? deadline, CancellationToken cancellation)
    {
        Client = client;
        Demo = demo;
        _deadline = deadline;
        Cancellation = cancellation;
    }

    public ApiSubmissionsClient Client { get; }

    /// <summary>Signalled by Ctrl+C, or when <c>--timeout</c> runs out for the whole command.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The demo server, when <c>--demo</c> was given.</summary>
    public DemoServer? Demo { get; }

    public bool IsDemo => Demo is not null;

    /// <summary>Reads credentials and base address from options, then the environment; nothing is sent yet.</summary>
    /// <exception cref="UsageException">Credentials are missing, or the base address is not a usable URL.</exception>
    /// <param name="settings">The command line.</param>
    /// <param name="environment">Variables, clock and Ctrl+C.</param>
    /// <param name="reporter">Where --verbose attempt lines go.</param>
    /// <param name="wholeCommandDeadline">
    /// Whether <c>--timeout</c> also bounds the whole command (every page of a listing); <c>wait</c> passes false
    /// because its timeout is the wait's own.
    /// </param>
    public static ImpactConnection Open(ApiSettings settings, CliEnvironment environment, ErrorReporter reporter, bool wholeCommandDeadline = true)
    {
        var options = new ApiSubmissionsClientOptions { UserAgentSuffix = "impact-submissions-cli" };
        if (settings.Verbose)
        {
            options.RequestLogged = entry => reporter.Detail("  " + entry);
        }

        var timeout = settings.Timeout is null ? (TimeSpan?)null : DurationArgument.Parse("--timeout", settings.Timeout, TimeSpan.Zero);
        if (timeout is { } limit)
        {
            // No single request (retries included) may outlast the deadline, so a silent server ends in time.
            options.Retry.OverallTimeout = limit;
            if (options.Retry.AttemptTimeout is not { } attempt || attempt > limit)
            {
                options.Retry.AttemptTimeout = limit;
            }
        }

        if (settings.Demo && Value(settings.BaseUrl) is not null)
        {
            throw new UsageException("--demo runs against the built-in mock and cannot be combined with --base-url: drop one of them (for a mock at an address of your own, start it with 'impact-submissions mock' and pass its --base-url).");
        }

        DemoServer? demo = null;
        CancellationTokenSource? deadline = null;
        try
        {
            ApiSubmissionsClient client;
            if (settings.Demo)
            {
                demo = DemoServer.Start(environment.Clock);
                options.BaseAddress = new Uri(demo.Server.BaseUrl);
                environment.ConfigureClient?.Invoke(options);
                client = new ApiSubmissionsClient(new ImpactCredentials(demo.Server.AccountSid, demo.Server.AuthToken), options);
            }
            else
            {
                client = ForService(settings, environment, options);
            }

            var cancellation = environment.Cancellation;
            if (timeout is { } whole && wholeCommandDeadline)
            {
                deadline = CancellationTokenSource.CreateLinkedTokenSource(environment.Cancellation);
                deadline.Token.Register(() => reporter.DeadlinePassed(settings.Timeout!));
                deadline.CancelAfter(whole);
                cancellation = deadline.Token;
            }

            return new ImpactConnection(client, demo, deadline, cancellation);
        }
        catch
        {
            deadline?.Dispose();
            demo?.Dispose();
            throw;
        }
    }

    private static ApiSubmissionsClient ForService(ApiSettings settings, CliEnvironment environment, ApiSubmissionsClientOptions options)
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
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            {
                throw new UsageException($"The base URL '{baseUrl}' is not an http(s) address, e.g. https://api.impact.com.");
            }

            options.BaseAddress = address;
        }

        environment.ConfigureClient?.Invoke(options);
        return new ApiSubmissionsClient(new ImpactCredentials(accountSid, authToken), options);
    }

    public void Dispose()
    {
        Client.Dispose();
        Demo?.Dispose();
        _deadline?.Dispose();
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
