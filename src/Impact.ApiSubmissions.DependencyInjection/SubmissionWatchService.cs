using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Impact.ApiSubmissions;

/// <summary>
/// Runs <see cref="SubmissionSync.WatchAsync"/> for as long as the host runs and hands each event to the application's
/// <see cref="ISubmissionEventHandler"/>. A failure that ends the watch (the store unreachable, a handler that throws,
/// credentials refused) is logged, and the watch starts again after the interval.
/// </summary>
internal sealed class SubmissionWatchService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly SubmissionSyncOptions _options;
    private readonly ILogger _logger;

    public SubmissionWatchService(IServiceProvider services, IOptions<SubmissionSyncOptions> options, ILogger<SubmissionWatchService> logger)
    {
        _services = services;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = _services.GetRequiredService<ISubmissionStore>();
        var handler = _services.GetRequiredService<ISubmissionEventHandler>();
        await RetryAsync(() => store.MigrateAsync(stoppingToken), "migrating the store", stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RetryAsync(
                async () =>
                {
                    using var client = _services.GetRequiredService<ApiSubmissionsClient>();
                    var options = _options.Copy();
                    options.PassFailed = e => _logger.LogWarning(e, "A pass of the impact.com submission watch failed; the watch tries again in {Interval}.", options.Interval);
                    await foreach (var e in new SubmissionSync(client, store, options).WatchAsync(stoppingToken).ConfigureAwait(false))
                    {
                        await handler.HandleAsync(e, stoppingToken).ConfigureAwait(false);
                    }
                },
                "watching impact.com submissions",
                stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RetryAsync(Func<Task> work, string what, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work().ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "The impact.com submission watch stopped while {What}; it starts again in {Interval}.", what, _options.Interval);
                try
                {
                    await Task.Delay(_options.Interval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
