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
    public virtual Task<ApiSubmission> WaitForCompletionAsync(string batchId, WaitOptions<ApiSubmission>? options = null, CancellationToken cancellationToken = default) =>
        PollUntilSettledAsync(
            batchId,
            GetApiSubmissionAsync,
            s => s.IsPending,
            s => s.Status,
            options,
            (last, polls, timeout, e) => new ImpactWaitTimeoutException(batchId, last, polls, timeout, e),
            cancellationToken);

    // The one polling loop of every wait: read the BatchId until no longer pending, waiting longer each time, within the timeout.
    private async Task<T> PollUntilSettledAsync<T>(
        string batchId,
        Func<string, CancellationToken, Task<T>> read,
        Func<T, bool> isPending,
        Func<T, SubmissionStatus?> statusOf,
        WaitOptions<T>? options,
        Func<T?, int, TimeSpan, Exception, ImpactWaitTimeoutException> timedOut,
        CancellationToken cancellationToken)
        where T : class
    {
        Arguments.RequireValue(batchId, nameof(batchId), "The BatchId");
        _ = Rest;
        options ??= new WaitOptions<T>();

        // Read once: the caller may change its options object while the wait runs.
        var (interval, maxInterval, timeout, statusChanged) = (options.PollInterval, options.MaxPollInterval, options.Timeout, options.StatusChanged);
        if (interval <= TimeSpan.Zero || maxInterval <= TimeSpan.Zero || timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options", "PollInterval, MaxPollInterval and Timeout must be positive.");
        }

        T? last = null;
        var polls = 0;
        var pipeline = new ResiliencePipelineBuilder<T>()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = timeout, Name = "wait-timeout" })
            .AddRetry(new RetryStrategyOptions<T>
            {
                Name = "poll-until-done",
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = interval,
                MaxDelay = maxInterval,
                UseJitter = false,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result is { } result && isPending(result)),
            })
            .Build();

        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    var current = await read(batchId, token).ConfigureAwait(false);
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
            throw timedOut(last, polls, timeout, e);
        }
    }
}
