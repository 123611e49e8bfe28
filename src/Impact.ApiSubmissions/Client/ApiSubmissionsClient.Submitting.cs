using System;
using System.Threading;
using System.Threading.Tasks;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionsClient
{
    /// <summary>
    /// Sends one conversion to impact.com (<c>POST /Advertisers/{AccountSID}/Conversions</c>), form-urlencoded exactly as
    /// <see cref="SubmissionPayload.ToString"/> formats it: a payload parsed and left unedited goes out byte for byte as it came.
    /// impact.com queues it; follow <see cref="ConversionQueued.BatchId"/> with <see cref="WaitForCompletionAsync"/>.
    /// </summary>
    /// <remarks>
    /// The payload is checked first (<see cref="SubmissionPayload.Validate()"/>), and nothing is sent if it has any problem.
    /// The POST is not idempotent, so it is retried only when it surely did not reach impact.com: the connection was
    /// refused, the host name did not resolve, or impact.com answered 429 or 503. A timeout or a connection lost after
    /// sending is never retried: the conversion may have been queued, so check the submissions before sending it again.
    /// </remarks>
    /// <param name="payload">The conversion's keys.</param>
    /// <param name="cancellationToken">Cancels the call; once the request is sent, the conversion may be queued all the same.</param>
    /// <returns>impact.com's answer: the QueuedUri and BatchId of the new API submission.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    /// <exception cref="PayloadValidationException">The payload has problems (every one is listed); nothing was sent.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status; on 400 <see cref="ImpactApiException.Error"/> lists every problem it found.</exception>
    /// <exception cref="ImpactWireFormatException">The answer is not JSON with the QueuedUri of one of this account's submissions.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached; the message says whether the request may have been sent.</exception>
    /// <exception cref="ImpactTimeoutException">No answer within the attempt timeout or the overall deadline; the conversion may have been queued.</exception>
    /// <exception cref="ImpactOriginRefusedException">The request would leave the base address or this account's resources.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<ConversionQueued> SubmitConversionAsync(SubmissionPayload payload, CancellationToken cancellationToken = default)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        var problems = payload.Validate();
        if (problems.Count > 0)
        {
            throw new PayloadValidationException(problems, nameof(payload));
        }

        return Rest.PostConversionAsync(ImpactRequests.CreateSubmitConversionRequest(payload, Rest.AccountSid), cancellationToken);
    }

    /// <summary>
    /// Sends a submission's conversion again after an edit: parses its <see cref="ApiSubmission.Payload"/>, lets
    /// <paramref name="edit"/> fix it, then validates and sends it like <see cref="SubmitConversionAsync"/>. The original
    /// submission is left as it is; the new one has its own BatchId.
    /// </summary>
    /// <param name="submission">The submission to send again, usually one that failed (<see cref="ApiSubmission.HasErrors"/>).</param>
    /// <param name="edit">Changes the payload, e.g. <c>p =&gt; p.Set("CampaignId", 1001)</c>; it runs once, before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the call; once the request is sent, the conversion may be queued all the same.</param>
    /// <returns>impact.com's answer for the new submission: its QueuedUri and BatchId.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="submission"/> or <paramref name="edit"/> is null.</exception>
    /// <exception cref="ArgumentException">The submission is not a conversion, or has no payload.</exception>
    /// <exception cref="PayloadValidationException">The edited payload has problems (every one is listed); nothing was sent.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status; on 400 <see cref="ImpactApiException.Error"/> lists every problem it found.</exception>
    /// <exception cref="ImpactWireFormatException">The answer is not JSON with the QueuedUri of one of this account's submissions.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached; the message says whether the request may have been sent.</exception>
    /// <exception cref="ImpactTimeoutException">No answer within the attempt timeout or the overall deadline; the conversion may have been queued.</exception>
    /// <exception cref="ImpactOriginRefusedException">The request would leave the base address or this account's resources.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<ConversionQueued> ResubmitAsync(ApiSubmission submission, Action<SubmissionPayload> edit, CancellationToken cancellationToken = default)
    {
        if (submission is null)
        {
            throw new ArgumentNullException(nameof(submission));
        }

        if (edit is null)
        {
            throw new ArgumentNullException(nameof(edit));
        }

        var payload = SubmissionPayload.ForResubmission(submission);
        edit(payload);
        return SubmitConversionAsync(payload, cancellationToken);
    }
}
