using System;
using Impact.ApiSubmissions.Cli.Infrastructure;
using Impact.ApiSubmissions.Cli.Settings;

namespace Impact.ApiSubmissions.Cli.Connection;

/// <summary>A client for the command to use: on impact.com with the user's credentials, or on the demo server.</summary>
internal sealed class ImpactConnection : IDisposable
{
    public const string AccountSidVariable = "IMPACT_ACCOUNT_SID";
    public const string AuthTokenVariable = "IMPACT_AUTH_TOKEN";
    public const string BaseUrlVariable = "IMPACT_BASE_URL";

    private ImpactConnection(ApiSubmissionsClient client, DemoServer? demo)
    {
        Client = client;
        Demo = demo;
    }

    public ApiSubmissionsClient Client { get; }

    /// <summary>The demo server, when <c>--demo</c> was given.</summary>
    public DemoServer? Demo { get; }

    public bool IsDemo => Demo is not null;

    /// <summary>Reads credentials and base address from options, then the environment; nothing is sent yet.</summary>
    /// <exception cref="UsageException">Credentials are missing, or the base address is not a usable URL.</exception>
    public static ImpactConnection Open(ApiSettings settings, CliEnvironment environment, ErrorReporter reporter)
    {
        var options = new ApiSubmissionsClientOptions { UserAgentSuffix = "impact-submissions-cli" };
        if (settings.Verbose)
        {
            options.RequestLogged = entry => reporter.Detail("  " + entry);
        }

        if (settings.Demo)
        {
            var demo = DemoServer.Start(environment.Clock);
            try
            {
                options.BaseAddress = new Uri(demo.Server.BaseUrl);
                environment.ConfigureClient?.Invoke(options);
                return new ImpactConnection(new ApiSubmissionsClient(new ImpactCredentials(demo.Server.AccountSid, demo.Server.AuthToken), options), demo);
            }
            catch
            {
                demo.Dispose();
                throw;
            }
        }

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
        return new ImpactConnection(new ApiSubmissionsClient(new ImpactCredentials(accountSid, authToken), options), null);
    }

    public void Dispose()
    {
        Client.Dispose();
        Demo?.Dispose();
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
