using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;
using Impact.ApiSubmissions.Serialization;
using Polly;
using Polly.Timeout;

namespace Impact.ApiSubmissions;

// The conversion POST: the same gate, redaction and exceptions as a GET, with its own retry rule
// (ConversionDelivery): a POST that may have reached impact.com is never sent twice.
internal partial class ApiSubmissionsRestClient
{
    private const string MayBeQueued = "The conversion reached impact.com and may have been queued: list the submissions (e.g. by OrderId) "
        + "before sending it again. It was not retried, as a second POST could create a second conversion.";

    private readonly ResiliencePipeline _conversionPipeline = ResiliencePipeline.Empty;

    /// <summary>Posts the generated conversion request as it is and reads impact.com's queued answer; the caller has validated the payload.</summary>
    internal async Task<ConversionQueued> PostConversionAsync(ImpactRequest<ConversionQueued> request, CancellationToken cancellationToken)
    {
        var uri = Resolve(request.PathAndQuery);
        var attempt = 0;
        var started = Stopwatch.GetTimestamp();
        using var activity = ImpactTelemetry.StartCall("POST", uri, request.OperationId, request.PathTemplate);
        try
        {
            return await _conversionPipeline.ExecuteAsync(
                async token => await PostOnceAsync(uri, request, Interlocked.Increment(ref attempt), token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is TimeoutRejectedException or OperationCanceledException)
        {
            throw new ImpactTimeoutException(
                $"impact.com did not answer POST {uri.AbsolutePath} in time ({Attempts(attempt)}; attempt timeout {Describe(_attemptTimeout)}, "
                + $"overall deadline {Describe(_overallTimeout)}). The request was sent, so the conversion may have been queued: "
                + "list the submissions (e.g. by OrderId) before sending it again. It was not retried, as a second POST could create a second conversion.",
                attempt,
                Since(started),
                e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var sent = e is HttpRequestException && ConversionDelivery.SurelyNotDelivered(e)
                ? "Nothing was sent."
                : "The connection failed after the request may have been sent, so the conversion may have been queued: list the submissions (e.g. by OrderId) before sending it again.";
            throw new ImpactTransportException(
                _credentials.Redact($"Could not reach impact.com: {e.Message} (POST {uri.AbsolutePath}, {Attempts(attempt)}). {sent}"),
                attempt,
                Since(started),
                e);
        }
    }

    private async ValueTask<ConversionQueued> PostOnceAsync(Uri uri, ImpactRequest<ConversionQueued> operation, int attempt, CancellationToken cancellationToken)
    {
        using var request = NewMessage(uri, operation);
        using var response = await SendCheckedAsync(request, null, attempt, cancellationToken).ConfigureAwait(false);
        Func<string, string> redact = _credentials.Redact;
        var text = redact(await ImpactErrorResponses.ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false));
        ConversionQueued queued;
        try
        {
            queued = ImpactJson.Deserialize<ConversionQueued>(text);
        }
        catch (ImpactWireFormatException e)
        {
            // The request reached impact.com and it answered: only the answer was lost, not necessarily the conversion.
            throw e.ForResponse((int)response.StatusCode, ImpactErrorResponses.Headers(response, redact), redact, " " + MayBeQueued);
        }

        // The answer is data: the QueuedUri must name a submission of this account, or it is no answer at all.
        if (queued.BatchId is null || !IsOwnSubmission(queued.QueuedUri!))
        {
            throw new ImpactWireFormatException(
                "impact.com answered 200 to a conversion without the QueuedUri of one of this account's submissions. " + MayBeQueued,
                "QueuedUri",
                WireText.Bound(queued.QueuedUri ?? "(absent)"),
                null);
        }

        return queued;
    }

    private bool IsOwnSubmission(string queuedUri)
    {
        try
        {
            return PathTemplate.MatchOwn(_baseAddress, Resolve(queuedUri), ImpactRequests.GetApiSubmissionPath, AccountSid) is not null;
        }
        catch (ImpactOriginRefusedException)
        {
            return false;
        }
    }
}
