using System;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionsClient
{
    /// <summary>
    /// Polls a submission until impact.com stops processing it (status no longer Queued or In Progress),
    /// waiting longer between polls each time. A status this SDK does not know also ends the wait: check <see cref="ApiSubmission.IsComplete"/>.
    /// </summary>
    /// <param name="batchId">The BatchId to watch.</param>
    /// <param name="options">Poll interval, backoff, timeout and a status-change callback; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait at once, between polls too.</param>
    /// <returns>The finished submission; it may carry errors (<see cref="ApiSubmission.HasErrors"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="batchId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interval or the timeout is not positive.</exception>
    /// <exception cref="ImpactWaitTimeoutException">Still pending when the timeout ran out; carries the last status seen.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status (404: unknown BatchId).</exception>
    /// <exception cref="ImpactWireFormatException">An answer is not valid JSON of a submission.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">One poll found no answer within its attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">The request would leave the base address or this account's resources.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<ApiSubmission> WaitForCompletionAsync(string batchId, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        Arguments.RequireValue(batchId, nameof(batchId), "The BatchId");
        _ = Rest;
        options ??= new WaitForCompletionOptions();
        return await PollUntilSettledAsync(
            token => GetApiSubmissionAsync(batchId, token),
            s => s.IsPending,
            s => s.Status,
            options.StatusChanged,
            (options.PollInterval, options.MaxPollInterval, options.Timeout),
            (last, polls, e) => new ImpactWaitTimeoutException(batchId, last, polls, options.Timeout, e),
            cancellationToken).ConfigureAwait(false);
    }

    // The one polling loop of every wait: read until no longer pending, waiting longer each time, within the timeout.
    private static async Task<T> PollUntilSettledAsync<T>(
        Func<CancellationToken, Task<T>> read,
        Func<T, bool> isPending,
        Func<T, SubmissionStatus?> statusOf,
        Action<T>? statusChanged,
        (TimeSpan Interval, TimeSpan MaxInterval, TimeSpan Timeout) timing,
        Func<T?, int, Exception, ImpactWaitTimeoutException> timedOut,
        CancellationToken cancellationToken)
        where T : class
    {
        if (timing.Interval <= TimeSpan.Zero || timing.MaxInterval <= TimeSpan.Zero || timing.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", "PollInterval, MaxPollInterval and Timeout must be positive.");
        }

        T? last = null;
        var polls = 0;
        var pipeline = new ResiliencePipelineBuilder<T>()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = timing.Timeout, Name = "wait-timeout" })
            .AddRetry(new RetryStrategyOptions<T>
            {
                Name = "poll-until-done",
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = timing.Interval,
                MaxDelay = timing.MaxInterval,
                UseJitter = false,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result is { } result && isPending(result)),
            })
            .Build();

        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    var current = await read(token).ConfigureAwait(false);
                    polls++;
                    if (last is null || statusOf(last) != statusOf(current))
                    {
                        statusChanged?.Invoke(current);
                    }

                    last = current;
                    return current;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw timedOut(last, polls, e);
        }
    }
}
