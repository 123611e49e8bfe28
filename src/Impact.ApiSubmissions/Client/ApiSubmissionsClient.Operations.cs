using System;
using System.Threading;
using System.Threading.Tasks;
using Impact.ApiSubmissions.Http;

namespace Impact.ApiSubmissions;

public partial class ApiSubmissionsClient
{
    /// <summary>Reads one submission of the credentials' account by its BatchId, with retries on transient failures.</summary>
    /// <param name="batchId">The BatchId, e.g. <c>A-b1234c56-7d89-0e12-3f4g-5h6ij7k8901l</c>. It always travels as one escaped path segment.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The submission.</returns>
    /// <exception cref="ArgumentException"><paramref name="batchId"/> is null or blank.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status (404: unknown BatchId or older than 90 days); <see cref="ImpactApiException.StatusCode"/> and <see cref="ImpactApiException.Error"/> say which.</exception>
    /// <exception cref="ImpactWireFormatException">The answer is not valid JSON of a submission.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">No answer within the attempt timeout and overall deadline.</exception>
    /// <exception cref="ImpactOriginRefusedException">The request would leave the base address or this account's resources.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<ApiSubmission> GetApiSubmissionAsync(string batchId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireValue(batchId, nameof(batchId), "The BatchId");
        return Rest.GetAsync(ImpactRequests.CreateGetApiSubmissionRequest(Rest.AccountSid, batchId), batchId, cancellationToken);
    }

    /// <summary>
    /// Reads one submission from its path, such as the <c>QueuedUri</c> that a conversion POST returns
    /// (<c>/Advertisers/&lt;sid&gt;/APISubmissions/&lt;BatchId&gt;</c>) or a submission's <see cref="ApiSubmission.Uri"/>.
    /// The URI must lead to a submission of the credentials' own account on the base address; anything else is refused before it is sent.
    /// </summary>
    /// <param name="submissionUri">A relative path, or an absolute URL on the client's own base address.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The submission.</returns>
    /// <exception cref="ArgumentException">The value is blank, or not a submission's path.</exception>
    /// <exception cref="ImpactOriginRefusedException">The URI leads to another scheme, host, port or account: the credentials are not sent there.</exception>
    /// <exception cref="ImpactApiException">impact.com answered with an error status; <see cref="ImpactApiException.StatusCode"/> and <see cref="ImpactApiException.Error"/> say which.</exception>
    /// <exception cref="ImpactWireFormatException">The answer is not valid JSON of a submission.</exception>
    /// <exception cref="ImpactTransportException">impact.com could not be reached, after retries.</exception>
    /// <exception cref="ImpactTimeoutException">No answer within the attempt timeout and overall deadline.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual Task<ApiSubmission> GetApiSubmissionByUriAsync(string submissionUri, CancellationToken cancellationToken = default)
    {
        var batchId = BatchIdFromPath(submissionUri, nameof(submissionUri), "The submission URI", "a submission's path", ImpactRequests.GetApiSubmissionPath);
        return GetApiSubmissionAsync(batchId, cancellationToken);
    }
}
