using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Impact.ApiSubmissions;

/// <summary>Registers the submission watch as a hosted service.</summary>
public static class SubmissionWatchServiceCollectionExtensions
{
    /// <summary>
    /// Runs a watch of the account's submissions (see <see cref="SubmissionSync.WatchAsync"/>) while the host runs, and
    /// hands each event to <typeparamref name="THandler"/>. Needs the client (<c>AddImpactApiSubmissions</c>) and an
    /// <see cref="ISubmissionStore"/> registered as a singleton, e.g. a <c>SqliteSubmissionStore</c> from
    /// Impact.ApiSubmissions.Storage; the store is migrated when the service starts.
    /// </summary>
    /// <typeparam name="THandler">The application's event handler, registered as a singleton.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the interval, budget and the rest; null for the defaults.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddImpactSubmissionWatch<THandler>(this IServiceCollection services, Action<SubmissionSyncOptions>? configure = null)
        where THandler : class, ISubmissionEventHandler
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<SubmissionSyncOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<ISubmissionEventHandler, THandler>();
        services.AddSingleton<IHostedService, SubmissionWatchService>();
        return services;
    }
}
