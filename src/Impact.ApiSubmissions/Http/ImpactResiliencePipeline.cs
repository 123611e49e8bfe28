using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Impact.ApiSubmissions.Http;

/// <summary>
/// Builds the client's Polly pipeline: overall deadline, then retries with backoff and jitter (honouring
/// 429 hints), then a per-attempt timeout. Each attempt covers sending the request and reading its body.
/// </summary>
internal static class ImpactResiliencePipeline
{
    /// <param name="options">The retry options, read once.</param>
    /// <param name="onRetry">Called before each retry, with the attempt about to start.</param>
    /// <param name="retryWhen">Which failures are retried; null for every transient one. A conversion POST passes a narrower rule.</param>
    public static ResiliencePipeline Create(ApiSubmissionsRetryOptions options, Action<int, Exception?>? onRetry = null, Func<Exception, bool>? retryWhen = null)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.TimeProvider is { } clock)
        {
            builder.TimeProvider = clock;
        }
        if (options.OverallTimeout is { } overall && overall > TimeSpan.Zero)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = overall, Name = "overall-deadline" });
        }

        if (options.MaxRetries > 0)
        {
            // Read now: the options object may change after the client was made, the client must not.
            var maxRateLimitDelay = options.MaxRateLimitDelay;
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "transient-retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = retryWhen is null
                    ? new PredicateBuilder()
                        .Handle<HttpRequestException>()
                        .Handle<IOException>()
                        .Handle<TimeoutRejectedException>()
                        .Handle<ImpactApiException>(e => e.IsTransient)
                    : args => new ValueTask<bool>(args.Outcome.Exception is { } e && retryWhen(e)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RateLimitDelay(args.Outcome.Exception, maxRateLimitDelay)),
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.AttemptNumber + 1, args.Outcome.Exception);
                    return default;
                },
            });
        }

        if (options.AttemptTimeout is { } attempt && attempt > TimeSpan.Zero)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = attempt, Name = "attempt-timeout" });
        }

        return builder.Build();
    }

    /// <summary>On a 429 with a hint, wait what the service asked (capped); otherwise let the backoff decide.</summary>
    internal static TimeSpan? RateLimitDelay(Exception? outcome, TimeSpan cap)
    {
        if (outcome is ImpactApiException { StatusCode: 429 } e && e.RateLimit?.SuggestedDelay is { } hint)
        {
            return hint < cap ? hint : cap;
        }

        return null;
    }
}
