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
        RequestPaths.RequireValue(batchId, nameof(batchId), "The BatchId");
        _ = Rest;
        options ??= new WaitForCompletionOptions();
        if (options.PollInterval <= TimeSpan.Zero || options.MaxPollInterval <= TimeSpan.Zero || options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PollInterval, MaxPollInterval and Timeout must be positive.");
        }

        ApiSubmission? last = null;
        var polls = 0;
        var pipeline = new ResiliencePipelineBuilder<ApiSubmission>()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout, Name = "wait-timeout" })
            .AddRetry(new RetryStrategyOptions<ApiSubmission>
            {
                Name = "poll-until-done",
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.PollInterval,
                MaxDelay = options.MaxPollInterval,
                UseJitter = false,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result?.IsPending == true),
            })
            .Build();

        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    var current = await GetApiSubmissionAsync(batchId, token).ConfigureAwait(false);
                    polls++;
                    if (last is null || last.Status != current.Status)
                    {
                        options.StatusChanged?.Invoke(current);
                    }

                    last = current;
                    return current;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ImpactWaitTimeoutException(batchId, last, polls, options.Timeout, e);
        }
    }
}
