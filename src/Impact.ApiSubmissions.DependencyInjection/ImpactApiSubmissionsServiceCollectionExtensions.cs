using System;
using System.Net.Http;
using System.Threading;
using Impact.ApiSubmissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ApiSubmissionsClient"/> with a dependency-injection container.</summary>
public static class ImpactApiSubmissionsServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> the client gets from <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Impact.ApiSubmissions";

    /// <summary>Registers the client with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the credentials and options.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddImpactApiSubmissions(this IServiceCollection services, Action<ImpactApiSubmissionsOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers the client with options bound from a configuration section, e.g.
    /// <c>{ "AccountSid": "...", "AuthToken": "...", "Retry": { "MaxRetries": 5 } }</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="ImpactApiSubmissionsOptions"/>.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The HTTP client builder, to add handlers or change the primary handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddImpactApiSubmissions(this IServiceCollection services, IConfiguration configuration, Action<ImpactApiSubmissionsOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.Configure<ImpactApiSubmissionsOptions>(configuration);
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<ImpactApiSubmissionsOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.AccountSid), "ImpactApiSubmissions: AccountSid is required (configuration key AccountSid).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AuthToken), "ImpactApiSubmissions: AuthToken is required (configuration key AuthToken; keep it in a secret store).")
            .PostConfigure<IServiceProvider>((o, sp) => o.RequestLogged = Combine(o.RequestLogged, sp.GetService<ILoggerFactory>()?.CreateLogger("Impact.ApiSubmissions")));

        services.TryAddTransient(CreateClient);

        // The client applies its own per-attempt timeout and deadline; HttpClient's own 100 s limit would cut across them.
        // Redirects are not followed: a server's Location is data, and the credentials go only to the base address.
        return services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            });
    }

    private static ApiSubmissionsClient CreateClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ImpactApiSubmissionsOptions>>().Value;
        var httpClient = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);

        // The bound options are client options (and the logger is added above): every client option reaches the client as set.
        return new ApiSubmissionsClient(httpClient, new ImpactCredentials(options.AccountSid!, options.AuthToken!), options);
    }

    private static Action<ApiRequestLogEntry>? Combine(Action<ApiRequestLogEntry>? own, ILogger? logger)
    {
        if (logger is null)
        {
            return own;
        }

        return entry =>
        {
            own?.Invoke(entry);
            ApiSubmissionsLog.Request(logger, entry);
        };
    }
}
